using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Payments;

/// <summary>
/// What can be refused about a payment and its refunds, as codes (<see cref="Common.Problem"/>): the dashboard says
/// each in its reader's language, with the values named here in this order. An amount with more decimals than its
/// currency has is <see cref="LinkProblems.AmountTooPrecise"/>, naming <see cref="RefundAmount"/>.
/// </summary>
public static class PaymentProblems
{
    /// <summary>No values.</summary>
    public const string PaymentNotFound = "payment_not_found";
    public const string RefundNotCompleted = "refund_not_completed";
    public const string RefundNothingRemains = "refund_nothing_remains";
    public const string RefundNotPositive = "refund_not_positive";

    /// <summary>Values: what remains to refund (<see cref="MoneyAmount"/>).</summary>
    public const string RefundAboveRemaining = "refund_above_remaining";

    /// <summary>The amount to refund, as the start of a sentence names it.</summary>
    public static readonly SettingName RefundAmount = new(nameof(RefundAmount), "The amount");

    public static IReadOnlyList<SettingName> Names { get; } = [RefundAmount];
}
