using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Components.Payments;

/// <summary>How the dashboard words each refund reason, in the refund form and in a payment's refunds.</summary>
public static class RefundReasonText
{
    public static readonly IReadOnlyList<(RefundReason Reason, string Label)> All =
    [
        (RefundReason.RequestedByCustomer, "Requested by the customer"),
        (RefundReason.Duplicate, "Duplicate payment"),
        (RefundReason.Fraudulent, "Fraudulent"),
        (RefundReason.Other, "Other"),
    ];

    public static string Of(RefundReason reason) => All.First(r => r.Reason == reason).Label;
}
