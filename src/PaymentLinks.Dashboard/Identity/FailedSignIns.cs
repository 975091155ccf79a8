using Microsoft.Extensions.Options;
using PaymentLinks.Dashboard.Http;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Wrong passwords per account <em>and</em> client address. This replaces Identity's account lockout, which
/// anyone who knows an email address could trigger to keep its owner out: here a guesser is stopped where
/// they guess from, while the owner signs in from anywhere else.
/// </summary>
public sealed class FailedSignIns(IOptions<ClientRateLimitOptions> options) : FailureLimiter(options.Value.FailedSignInPerAccount)
{
    public static string KeyOf(string email, HttpContext http) => $"{email.Trim().ToUpperInvariant()}|{ClientRateLimits.AddressOf(http)}";
}
