namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>
/// What can be refused when a business connects Stripe, as codes (<see cref="Domain.Common.Problem"/>): the
/// dashboard says each in its reader's language, with the values named here in this order.
/// </summary>
public static class StripeProblems
{
    /// <summary>No values.</summary>
    public const string NotALiveKey = "stripe_not_a_live_key";
    public const string NotATestKey = "stripe_not_a_test_key";
    public const string KeyNotAccepted = "stripe_key_not_accepted";
    public const string KeyCannotReadAccount = "stripe_key_cannot_read_account";
    public const string NotAnswering = "stripe_not_answering";
    public const string NotASigningSecret = "stripe_not_a_signing_secret";
    public const string KeyFirst = "stripe_key_first";

    /// <summary>Values: the key's Stripe account id, then the connected one's (such as acct_1Nv0…).</summary>
    public const string AnotherAccount = "stripe_another_account";
}
