using PaymentLinks.Dashboard.Localization;

namespace PaymentLinks.Tests.Shared;

/// <summary>What the checkout's resources say in a language, to look for on its pages.</summary>
public static class CheckoutWords
{
    public static string In(string language, string key, params object[] values) => Words<CheckoutText>.In(language, key, values);
}
