using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>How a message shows in the delivery log.</summary>
public enum MailLogState
{
    Waiting,
    Retrying,
    Sent,
    Failed,
    Skipped,
}

public sealed record MailLogEntry(
    Guid Id, MailKind Kind, bool Livemode, string To, string? Subject, MailLogState State, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? LastAnswer);

/// <summary>The delivery log of account settings: a merchant's latest messages (customers', users', account mail), with the server's answers.</summary>
public sealed class MailLog(IDbContextFactory<AppDbContext> contexts)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<MailLogEntry>> LatestAsync(Guid merchantId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.OutgoingMail.AsNoTracking()
            .Where(m => m.MerchantId == merchantId && m.Status != MailStatus.Announced && m.Status != MailStatus.FannedOut)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize).ToListAsync(ct);
        return rows.Select(m => new MailLogEntry(m.Id, m.Kind, m.Livemode, m.Address, m.Subject, StateOf(m), m.Attempts, m.CreatedAt, m.SentAt,
            m.Status == MailStatus.Pending ? m.NextAttemptAt : null, m.LastAnswer)).ToList();
    }

    private static MailLogState StateOf(OutgoingMail mail) => mail.Status switch
    {
        MailStatus.Sent => MailLogState.Sent,
        MailStatus.Failed => MailLogState.Failed,
        MailStatus.Skipped => MailLogState.Skipped,
        _ => mail.Attempts > 0 ? MailLogState.Retrying : MailLogState.Waiting,
    };
}
