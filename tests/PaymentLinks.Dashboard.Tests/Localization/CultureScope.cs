using System.Globalization;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>Code run in a language as a request in it would be; the test thread gets its own back.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly (CultureInfo, CultureInfo) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public CultureScope(string language) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
}
