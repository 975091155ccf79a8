namespace PaymentLinks.Tests.Shared;

/// <summary>
/// Settings that lift the per-client rate limits: every test request comes from one address, and the suites
/// sign in, pay and register far more often than one person could. The limits have tests of their own.
/// </summary>
public static class GenerousRateLimits
{
    public static IEnumerable<KeyValuePair<string, string>> Settings =>
        new[] { "CheckoutView", "CheckoutPost", "SignIn", "Register", "FailedApiAuthentication", "FailedSignInPerAccount" }
            .Select(limit => KeyValuePair.Create($"RateLimits:{limit}:PermitLimit", "1000000"));
}
