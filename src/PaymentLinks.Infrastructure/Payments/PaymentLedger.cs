using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments;

/// <summary>Which of a merchant's payments to list: newest first, each filter optional. <c>Until</c> is exclusive.</summary>
public sealed record PaymentQuery
{
    public const int MaxPageSize = 100;

    public Guid? LinkId { get; init; }
    public PaymentStatus? Status { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    /// <summary>Part of the customer's email, in any case.</summary>
    public string? Email { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;
}

/// <summary>A payment with the link it was made on, as lists and exports show it.</summary>
public sealed record PaymentRow(PaymentView Payment, string LinkTitle, string LinkPublicId);

/// <summary>The merchant's payments across all links: pages for the grid and the API, a stream for exports.</summary>
public sealed class PaymentLedger(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<Page<PaymentRow>> ListAsync(MerchantCaller caller, PaymentQuery query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = Filtered(db, caller, query);
        var total = await rows.CountAsync(ct);
        var page = await rows.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, PaymentQuery.MaxPageSize)).ToListAsync(ct);
        return new Page<PaymentRow>(page.Select(Row).ToList(), total);
    }

    /// <summary>One of the merchant's payments with its link's names; null when there is none or it is another merchant's.</summary>
    public async Task<PaymentRow?> GetAsync(MerchantCaller caller, Guid paymentId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await Filtered(db, caller, new PaymentQuery()).FirstOrDefaultAsync(r => r.Attempt.Id == paymentId, ct);
        return row is null ? null : Row(row);
    }

    /// <summary>Every payment the query matches, read as it is written out (an export of any size in constant memory).</summary>
    public async IAsyncEnumerable<PaymentRow> StreamAsync(MerchantCaller caller, PaymentQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var row in Filtered(db, caller, query).AsAsyncEnumerable().WithCancellation(ct))
            yield return Row(row);
    }

    /// <summary>A payment and its link's names; set by an initializer, which EF can still filter and sort on.</summary>
    private sealed class Joined
    {
        public required PaymentAttempt Attempt { get; init; }
        public required string Title { get; init; }
        public required string PublicId { get; init; }
    }

    /// <summary>The caller's payments (its merchant's, in its mode) that match, newest first.</summary>
    private static IQueryable<Joined> Filtered(AppDbContext db, MerchantCaller caller, PaymentQuery query)
    {
        var rows = db.PaymentAttempts.AsNoTracking().Join(db.PaymentLinks.OwnedBy(caller),
            a => a.LinkId, l => l.Id, (a, l) => new Joined { Attempt = a, Title = l.Title, PublicId = l.PublicId });
        if (query.LinkId is { } linkId)
            rows = rows.Where(r => r.Attempt.LinkId == linkId);
        if (query.Status is { } status)
            rows = rows.Where(r => r.Attempt.Status == status);
        if (query.Since is { } since)
            rows = rows.Where(r => r.Attempt.CreatedAt >= since);
        if (query.Until is { } until)
            rows = rows.Where(r => r.Attempt.CreatedAt < until);
        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var pattern = LikePatterns.Containing(query.Email.Trim());
            rows = rows.Where(r => r.Attempt.CustomerEmail != null && EF.Functions.Like(r.Attempt.CustomerEmail.ToLower(), pattern, LikePatterns.Escape));
        }
        return rows.OrderByDescending(r => r.Attempt.CreatedAt).ThenByDescending(r => r.Attempt.Id);
    }

    private static PaymentRow Row(Joined row) => new(PaymentView.Of(row.Attempt), row.Title, row.PublicId);
}
