using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Mail.Templates;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Makes an outbox row into the message that goes out: its facts read from the database now, its template rendered
/// (HTML and plain text), and headers that are the same every time it is made: the Message-Id from the row's id, the
/// Date it was written. Null when what it was about is gone (a merchant deleted), with the reason.
/// </summary>
public sealed class MailComposer(
    MailRenderer renderer, MailUnsubscribe unsubscribe, IOptions<EmailOptions> email, IOptions<LinkOptions> links, IStringLocalizer<CustomerMailText> words)
{
    public async Task<(MimeMessage? Message, string? Gone)> ComposeAsync(AppDbContext db, OutgoingMail mail, CancellationToken ct)
    {
        // A merchant's mail goes with it (ON DELETE CASCADE): one named here exists.
        var merchant = mail.MerchantId is { } merchantId ? await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == merchantId, ct) : null;
        var zone = merchant?.TimeZoneId ?? "UTC";
        var product = MailVoice.Product(mail.Livemode);
        var unsubscribeUrl = mail.UserId is { } userId && MailPreferences.IsNotification(mail.Kind) ? unsubscribe.UrlFor(userId, mail.Kind) : null;
        string? replyTo = null;
        string? senderName = null;
        ComposedMail? composed;
        switch (mail.Kind)
        {
            case MailKind.Receipt:
            case MailKind.RefundNotice:
                var voice = await VoiceOfAsync(db, merchant!, mail.Livemode, ct);
                replyTo = await ContactOfAsync(db, merchant!.Id, ct);
                senderName = merchant.BusinessName; // the merchant speaks: the inbox shows who the customer paid
                composed = mail.Kind == MailKind.Receipt
                    ? await ReceiptAsync(db, mail.SubjectId!.Value, voice, replyTo, zone, ct)
                    : await RefundAsync(db, mail.SubjectId!.Value, voice, replyTo, zone, ct);
                break;
            case MailKind.NewPayment:
                composed = await LineOfAsync(db, mail.SubjectId!.Value, zone, ct) is { } line
                    ? await RenderAsync<NewPaymentMail, NewPaymentFacts>(new NewPaymentFacts(product, merchant!.BusinessName, line),
                        NewPaymentMail.Subject, f => NewPaymentMail.Text(f, unsubscribeUrl!), unsubscribeUrl)
                    : null;
                break;
            case MailKind.NewPaymentDigest:
                composed = await DigestAsync(db, mail, product, merchant!.BusinessName, zone, unsubscribeUrl!, ct);
                break;
            case MailKind.LinkUsedUp:
            case MailKind.LinkExpiring:
                composed = await LinkNoticeAsync(db, mail, product, merchant!.BusinessName, zone, unsubscribeUrl!, ct);
                break;
            case MailKind.EndpointFailing:
                composed = await EndpointAsync(db, mail, product, merchant!.BusinessName, zone, unsubscribeUrl!, ct);
                break;
            default:
                composed = await AccountAsync(mail, product, zone, merchant?.BusinessName);
                break;
        }
        if (composed is null)
            return (null, "What this message was about is gone.");
        return (Message(mail, composed, senderName, replyTo, unsubscribeUrl), null);
    }

    private MimeMessage Message(OutgoingMail mail, ComposedMail composed, string? senderName, string? replyTo, string? unsubscribeUrl)
    {
        var from = email.Value.Sender;
        if (senderName is not null)
            from = new MailboxAddress(MailHeaders.Clean(senderName), from.Address);
        var message = new MimeMessage
        {
            MessageId = mail.MessageId(from.Domain),
            Date = DateTimeOffset.FromUnixTimeSeconds(mail.CreatedAt.ToUnixTimeSeconds()), // as the header carries it
            Subject = MailHeaders.Clean(composed.Subject),
            Body = new BodyBuilder { TextBody = composed.Text, HtmlBody = composed.Html }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.Address));
        if (replyTo is not null && MailboxAddress.TryParse(replyTo, out var contact))
            message.ReplyTo.Add(contact);
        if (unsubscribeUrl is not null)
        {
            // RFC 8058: a mail client's one-click unsubscribe POSTs "List-Unsubscribe=One-Click" to this address.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (MailPreferences.IsNotification(mail.Kind))
            message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private async Task<ComposedMail> RenderAsync<TTemplate, TFacts>(
        TFacts facts, Func<TFacts, string> subject, Func<TFacts, string> text, string? unsubscribeUrl, MailKind? kind = null)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent
    {
        var parameters = new Dictionary<string, object?> { ["Facts"] = facts };
        if (unsubscribeUrl is not null)
            parameters["UnsubscribeUrl"] = unsubscribeUrl;
        if (kind is not null)
            parameters["Kind"] = kind.Value;
        return new ComposedMail(subject(facts), await renderer.RenderAsync<TTemplate>(parameters), text(facts));
    }

    private string Url(string path) => links.Value.AbsoluteUrl(path);

    private async Task<MailVoice> VoiceOfAsync(AppDbContext db, Domain.Merchants.Merchant merchant, bool livemode, CancellationToken ct)
    {
        var brand = await db.MerchantBrands.AsNoTracking().Where(b => b.MerchantId == merchant.Id)
            .Select(b => new { b.Accent, b.LogoVersion, HasLogo = b.Logo != null }).FirstOrDefaultAsync(ct);
        var logo = brand is { HasLogo: true } ? Url($"brand/{merchant.Id}/logo?v={brand.LogoVersion}") : null;
        return new MailVoice(merchant.BusinessName, brand?.Accent ?? MailVoice.ProductAccent, logo, livemode);
    }

    /// <summary>
    /// How a customer reaches the merchant: the sign-in email of the business's first owner, until merchants can name a
    /// support address of their own.
    /// </summary>
    private static Task<string?> ContactOfAsync(AppDbContext db, Guid merchantId, CancellationToken ct) =>
        db.Memberships.AsNoTracking().Where(m => m.MerchantId == merchantId && m.Role == MemberRole.Owner)
            .Join(db.Users.Where(u => u.Email != null), m => m.UserId, u => u.Id, (m, u) => new { m.JoinedAt, u.Id, u.Email })
            .OrderBy(o => o.JoinedAt).ThenBy(o => o.Id).Select(o => o.Email).FirstOrDefaultAsync(ct);

    private async Task<ComposedMail?> ReceiptAsync(AppDbContext db, Guid paymentId, MailVoice voice, string? contact, string zone, CancellationToken ct)
    {
        var found = await (from p in db.PaymentAttempts.AsNoTracking() where p.Id == paymentId
            join l in db.PaymentLinks.AsNoTracking() on p.LinkId equals l.Id select new { Payment = p, l.Title }).FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var payment = found.Payment;
        return await InLanguageAsync(payment.Language, culture =>
        {
            var unit = Currencies.FromMinorUnits(payment.AmountMinor / Math.Max(payment.Quantity, 1), payment.Currency);
            var facts = new ReceiptFacts(voice, contact, found.Title, payment.Quantity, Money.Format(unit, payment.Currency, culture),
                Money.Format(payment.Amount, payment.Currency, culture), payment.CustomerName, payment.Answers, payment.Id,
                LocalTimes.Format(payment.FinishedAt ?? payment.CreatedAt, zone, culture));
            return RenderAsync<ReceiptMail, ReceiptFacts>(facts, f => ReceiptMail.Subject(f, words), f => ReceiptMail.Text(f, words), null);
        });
    }

    /// <summary>
    /// Composes a customer's message in the language they paid in (English when the payment did not say, as one made
    /// through the API): the culture is set for this call and what it awaits, and is the caller's again after it.
    /// </summary>
    private static async Task<ComposedMail> InLanguageAsync(string? language, Func<CultureInfo, Task<ComposedMail>> compose)
    {
        var culture = CheckoutLanguages.CultureOf(language);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        return await compose(culture);
    }

    private async Task<ComposedMail?> RefundAsync(AppDbContext db, Guid refundId, MailVoice voice, string? contact, string zone, CancellationToken ct)
    {
        var found = await (from r in db.Refunds.AsNoTracking() where r.Id == refundId
            join p in db.PaymentAttempts.AsNoTracking() on r.PaymentId equals p.Id
            join l in db.PaymentLinks.AsNoTracking() on p.LinkId equals l.Id select new { Refund = r, Payment = p, l.Title }).FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var (refund, payment) = (found.Refund, found.Payment);
        return await InLanguageAsync(payment.Language, culture =>
        {
            var facts = new RefundFacts(voice, contact, found.Title, Money.Format(refund.Amount, refund.Currency, culture),
                Money.Format(payment.Amount, payment.Currency, culture), payment.RefundedMinor >= payment.AmountMinor, payment.Id,
                LocalTimes.Format(refund.CreatedAt, zone, culture));
            return RenderAsync<RefundMail, RefundFacts>(facts, f => RefundMail.Subject(f, words), f => RefundMail.Text(f, words), null);
        });
    }

    private async Task<PaymentLine?> LineOfAsync(AppDbContext db, Guid paymentId, string zone, CancellationToken ct) =>
        (await LinesAsync(db, db.PaymentAttempts.Where(p => p.Id == paymentId), zone, ct)).FirstOrDefault();

    private async Task<List<PaymentLine>> LinesAsync(AppDbContext db, IQueryable<PaymentAttempt> payments, string zone, CancellationToken ct)
    {
        var found = await (from p in payments.AsNoTracking() join l in db.PaymentLinks.AsNoTracking() on p.LinkId equals l.Id
            orderby p.FinishedAt select new { Payment = p, l.Title }).ToListAsync(ct);
        return found.Select(f => new PaymentLine(f.Title, Money.Format(f.Payment.Amount, f.Payment.Currency), f.Payment.Quantity,
            f.Payment.CustomerEmail, f.Payment.CustomerName, LocalTimes.Format(f.Payment.FinishedAt ?? f.Payment.CreatedAt, zone),
            Url($"payments/{f.Payment.Id}"))).ToList();
    }

    /// <summary>The payments of the digest's hour that were folded into it instead of mailed one by one.</summary>
    private async Task<ComposedMail?> DigestAsync(
        AppDbContext db, OutgoingMail mail, MailVoice product, string businessName, string zone, string unsubscribeUrl, CancellationToken ct)
    {
        var hour = MailDigests.HourOf(mail);
        var folded = db.OutgoingMail.Where(m => m.UserId == mail.UserId && m.Kind == MailKind.NewPayment && m.Livemode == mail.Livemode
            && m.Status == MailStatus.Skipped && m.LastAnswer == MailDigests.FoldedNote && m.CreatedAt >= hour && m.CreatedAt < hour.AddHours(1))
            .Select(m => m.SubjectId);
        var payments = db.PaymentAttempts.Where(p => folded.Contains(p.Id));
        var lines = await LinesAsync(db, payments, zone, ct);
        if (lines.Count == 0)
            return null;
        var totals = await payments.GroupBy(p => p.Currency).Select(g => new { Currency = g.Key, Minor = g.Sum(p => p.AmountMinor) }).ToListAsync(ct);
        var facts = new DigestFacts(product, businessName, $"{LocalTimes.Format(hour, zone)} to {LocalTimes.Format(hour.AddHours(1), zone)}", lines,
            totals.Select(t => Money.Format(Currencies.FromMinorUnits(t.Minor, t.Currency), t.Currency)).ToList(), Url("payments"));
        return await RenderAsync<NewPaymentDigestMail, DigestFacts>(facts, NewPaymentDigestMail.Subject, f => NewPaymentDigestMail.Text(f, unsubscribeUrl), unsubscribeUrl);
    }

    private async Task<ComposedMail?> LinkNoticeAsync(
        AppDbContext db, OutgoingMail mail, MailVoice product, string businessName, string zone, string unsubscribeUrl, CancellationToken ct)
    {
        var link = await db.PaymentLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == mail.SubjectId, ct);
        if (link is null)
            return null;
        var facts = new LinkNoticeFacts(product, businessName, link.Title, Url($"links/{link.Id}"), link.Usages, link.MaxUsages,
            link.ExpiresAt is { } expires ? LocalTimes.Format(expires, zone) : null);
        return await RenderAsync<LinkNoticeMail, LinkNoticeFacts>(facts, f => LinkNoticeMail.Subject(mail.Kind, f), f => LinkNoticeMail.Text(mail.Kind, f, unsubscribeUrl), unsubscribeUrl, mail.Kind);
    }

    private async Task<ComposedMail?> EndpointAsync(
        AppDbContext db, OutgoingMail mail, MailVoice product, string businessName, string zone, string unsubscribeUrl, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == mail.SubjectId, ct);
        if (endpoint is null)
            return null;
        var failing = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpoint.Id && d.Status == Webhooks.DeliveryStatus.Pending && d.Attempts > 0)
            .OrderBy(d => d.CreatedAt).Select(d => new { d.CreatedAt, d.LastError }).FirstOrDefaultAsync(ct);
        var facts = new EndpointFacts(product, businessName, endpoint.Url, LocalTimes.Format(failing?.CreatedAt ?? mail.CreatedAt, zone),
            failing?.LastError, Url("settings/webhooks"));
        return await RenderAsync<EndpointFailingMail, EndpointFacts>(facts, EndpointFailingMail.Subject, f => EndpointFailingMail.Text(f, unsubscribeUrl), unsubscribeUrl);
    }

    private async Task<ComposedMail> AccountAsync(OutgoingMail mail, MailVoice product, string zone, string? businessName)
    {
        var facts = AccountMessages.For(mail, product, zone, businessName);
        return await RenderAsync<AccountMail, AccountFacts>(facts, f => f.Subject, AccountMail.Text, null);
    }
}
