using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Components.Payments;

/// <summary>How the dashboard words each refund reason, in the refund form and in a payment's refunds.</summary>
public static class RefundReasonText
{
    private static readonly RefundReason[] Reasons = [RefundReason.RequestedByCustomer, RefundReason.Duplicate, RefundReason.Fraudulent, RefundReason.Other];

    /// <summary>Every reason with its words, in the order the refund form offers them.</summary>
    public static IReadOnlyList<(RefundReason Reason, string Label)> All(IStringLocalizer<PaymentsText> text) =>
        [.. Reasons.Select(reason => (reason, Of(text, reason)))];

    public static string Of(IStringLocalizer<PaymentsText> text, RefundReason reason) => reason switch
    {
        RefundReason.RequestedByCustomer => text["RefundReason.RequestedByCustomer"],
        RefundReason.Duplicate => text["RefundReason.Duplicate"],
        RefundReason.Fraudulent => text["RefundReason.Fraudulent"],
        RefundReason.Other => text["RefundReason.Other"],
        _ => reason.ToString(),
    };
}
