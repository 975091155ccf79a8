namespace PaymentLinks.Dashboard.Tests.Providers;

/// <summary>
/// A test against Stripe's own test mode, opt-in: it runs when <c>STRIPE_TEST_SECRET_KEY</c> (an <c>sk_test_</c> key)
/// is set, and is skipped, saying why, when it is not (this machine cannot reach Stripe). test.sh counts the skips in its last line.
/// </summary>
public sealed class RealStripeFactAttribute : FactAttribute
{
    public const string KeyVariable = "STRIPE_TEST_SECRET_KEY";
    public const string SkipReason = "The real-Stripe suite is opt-in: set " + KeyVariable + " (an sk_test_ key) to run it.";

    public RealStripeFactAttribute()
    {
        if (string.IsNullOrEmpty(SecretKey))
            Skip = SkipReason;
    }

    public static string? SecretKey => Environment.GetEnvironmentVariable(KeyVariable);
}
