namespace PaymentLinks.Dashboard.Checkout;

/// <summary>What a tester can answer at the sandbox bank: the outcomes a real bank gives, and one that arrives late.</summary>
public static class SandboxAnswers
{
    public const string Approve = "approve";

    /// <summary>The bank confirms a few seconds after the customer left its page, as a provider's webhook would.</summary>
    public const string ApproveLater = "approve-later";
    public const string InsufficientFunds = "insufficient-funds";
    public const string Decline = "decline";

    public static bool IsKnown(string answer) => answer is Approve or ApproveLater or InsufficientFunds or Decline;
}
