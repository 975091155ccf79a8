using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// The messages a save causes, read from its change tracker (<see cref="Persistence.ChangesOnSave"/>) and written in the
/// same save: a completed payment's receipt (when the customer gave an email) and its new-payment notice, a refund's
/// notice, a link's used-up notice. A rolled-back change mails nobody; a committed one is never left unmailed.
/// </summary>
internal static class MailOutbox
{
    internal static IReadOnlyList<OutgoingMail> Collect(ChangeTracker changes, DateTimeOffset now)
    {
        var mail = new List<OutgoingMail>();
        foreach (var (payment, link) in RailOutbox.FinishedPayments(changes).Where(p => p.Payment.Status == PaymentStatus.Completed))
        {
            if (payment.CustomerEmail is { } email)
                mail.Add(OutgoingMail.To(email, MailKind.Receipt, link.MerchantId, link.Livemode, payment.Id, null, null, now));
            mail.Add(OutgoingMail.Announcement(MailKind.NewPayment, link.MerchantId, link.Livemode, payment.Id, null, now));
        }
        foreach (var (refund, payment) in RailOutbox.NewRefunds(changes))
            if (payment.CustomerEmail is { } email)
                mail.Add(OutgoingMail.To(email, MailKind.RefundNotice, refund.MerchantId, refund.Livemode, refund.Id, null, null, now));
        var usedUp = changes.Entries<LinkStatusChange>().Where(e => e.State == EntityState.Added && e.Entity.To == LinkStatus.Used).Select(e => e.Entity.LinkId).ToHashSet();
        foreach (var link in changes.Entries<PaymentLink>().Select(e => e.Entity).Where(l => usedUp.Contains(l.Id)))
            mail.Add(OutgoingMail.Announcement(MailKind.LinkUsedUp, link.MerchantId, link.Livemode, link.Id, null, now));
        return mail;
    }
}
