using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Makes announced notifications into messages, in one transaction per batch: one per user of the merchant who wants the
/// kind, keyed by announcement and user so none is made twice. Two limits apply here. A merchant's users get at most
/// <see cref="EmailOptions.NotificationsPerMerchantPerHour"/> notifications an hour (the rest are recorded as skipped),
/// and a user who has had <see cref="EmailOptions.NewPaymentMailsBeforeDigest"/> new-payment mails in the last hour gets
/// the hour's further payments in one digest (<see cref="MailDigests"/>).
/// </summary>
public sealed class MailFanOut(WriteTransactions writes, IOptions<EmailOptions> options)
{
    private const int BatchSize = 50;

    public Task<int> RunAsync(CancellationToken ct = default) => writes.RunAsync(async (db, now) =>
    {
        var waiting = await db.OutgoingMail.Where(m => m.Status == MailStatus.Announced)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(BatchSize).Select(m => m.Id).ToListAsync(ct);
        var free = await db.LockFreeMailAsync(waiting, ct);
        var announcements = await db.OutgoingMail.Where(m => free.Contains(m.Id) && m.Status == MailStatus.Announced)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        if (announcements.Count == 0)
            return 0;
        var batch = new Batch(db, options.Value, now);
        foreach (var announcement in announcements)
        {
            // The business's members whose role may see what the mail is about, and who want this kind.
            var roles = MailPreferences.RolesToTell(announcement.Kind);
            var users = await db.Memberships.AsNoTracking().Where(m => m.MerchantId == announcement.MerchantId && roles.Contains(m.Role)
                    && (!announcement.Livemode || m.GrantedLive))
                .Join(db.Users.Where(u => u.Email != null).Where(MailPreferences.Wanting(announcement.Kind)), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email })
                .OrderBy(u => u.Id).ToListAsync(ct);
            foreach (var user in users)
                db.OutgoingMail.Add(await batch.MessageForAsync(announcement, user.Id, user.Email!, ct));
            announcement.FannedOut();
        }
        return await db.SaveChangesAsync(ct);
    }, ct);

    /// <summary>What one batch has made so far, on top of what the last hour's rows say: the limits hold inside a batch too.</summary>
    private sealed class Batch(AppDbContext db, EmailOptions options, DateTimeOffset now)
    {
        private readonly Dictionary<Guid, int> _sentToMerchant = [];
        private readonly Dictionary<(string, bool), int> _paymentMailsToUser = [];
        private readonly HashSet<string> _digests = [];
        private DateTimeOffset HourAgo => now - TimeSpan.FromHours(1);

        public async Task<OutgoingMail> MessageForAsync(OutgoingMail announcement, string userId, string address, CancellationToken ct)
        {
            var mail = announcement.ForUser(userId, address, now);
            var merchantId = announcement.MerchantId!.Value;
            if (await CountedAsync(_sentToMerchant, merchantId, () => db.OutgoingMail.CountAsync(m => m.MerchantId == merchantId && m.UserId != null
                    && m.CreatedAt > HourAgo && m.Status != MailStatus.Skipped && m.Status != MailStatus.Announced && MailPreferences.NotificationKinds.Contains(m.Kind), ct))
                >= options.NotificationsPerMerchantPerHour)
            {
                mail.Skip($"Over the limit of {options.NotificationsPerMerchantPerHour} notification mails an hour");
                return mail;
            }
            if (announcement.Kind == MailKind.NewPayment && await CountedAsync(_paymentMailsToUser, (userId, announcement.Livemode),
                    () => db.OutgoingMail.CountAsync(m => m.UserId == userId && m.Kind == MailKind.NewPayment && m.Livemode == announcement.Livemode
                        && m.CreatedAt > HourAgo && m.Status != MailStatus.Skipped, ct)) >= options.NewPaymentMailsBeforeDigest)
            {
                mail.Skip(MailDigests.FoldedNote);
                await EnsureDigestAsync(announcement, userId, address, ct);
                return mail;
            }
            _sentToMerchant[merchantId]++;
            if (announcement.Kind == MailKind.NewPayment)
                _paymentMailsToUser[(userId, announcement.Livemode)]++;
            return mail;
        }

        private async Task EnsureDigestAsync(OutgoingMail announcement, string userId, string address, CancellationToken ct)
        {
            var hour = MailDigests.HourStarting(now);
            var key = MailDigests.KeyOf(userId, announcement.Livemode, hour);
            if (!_digests.Add(key) || await db.OutgoingMail.AnyAsync(m => m.Key == key, ct))
                return;
            db.OutgoingMail.Add(OutgoingMail.To(address, MailKind.NewPaymentDigest, announcement.MerchantId, announcement.Livemode, null, userId,
                hour.ToString("O"), now).Keyed(key).Due(hour.AddHours(1)));
            _sentToMerchant[announcement.MerchantId!.Value]++;
        }

        private static async Task<int> CountedAsync<TKey>(Dictionary<TKey, int> counts, TKey key, Func<Task<int>> count) where TKey : notnull
        {
            if (!counts.TryGetValue(key, out var counted))
                counts[key] = counted = await count();
            return counted;
        }
    }
}
