namespace PaymentLinks.Domain.Payments;

/// <summary>A payment as merchants are told of it: its status, with its refunds made visible.</summary>
public enum PaymentState
{
    Pending,
    Completed,
    PartiallyRefunded,
    Refunded,
    Failed,
}

public static class PaymentStates
{
    /// <summary>The API's and the dashboard's name: <c>PARTIALLY_REFUNDED</c>, <c>COMPLETED</c> …</summary>
    public static string ToDisplayName(this PaymentState state) => state switch
    {
        PaymentState.PartiallyRefunded => "PARTIALLY_REFUNDED",
        _ => state.ToString().ToUpperInvariant(),
    };
}

/// <summary>The names of a refund's fields, as refusals name them.</summary>
public static class RefundFields
{
    public const string Amount = "amount";
    public const string Reason = "reason";
}
