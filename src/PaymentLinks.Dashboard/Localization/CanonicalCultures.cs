using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using PaymentLinks.Infrastructure;

namespace PaymentLinks.Dashboard.Localization;

/// <summary>
/// One of the standard culture providers, with the names browsers use for our languages mapped to ours
/// (<see cref="CheckoutLanguages.Canonical"/>), and names no culture has dropped: the middleware would make a culture of
/// each ("xx-garbage1", "xx-garbage2" …), which .NET keeps for the life of the process.
/// </summary>
internal sealed class CanonicalCultures(IRequestCultureProvider inner) : IRequestCultureProvider
{
    public IRequestCultureProvider Inner => inner;

    public async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        await inner.DetermineProviderCultureResult(httpContext) is { } found
            ? new ProviderCultureResult(Canonical(found.Cultures), Canonical(found.UICultures))
            : null;

    private static List<StringSegment> Canonical(IList<StringSegment> names) =>
        names.Select(name => CheckoutLanguages.Canonical(name.Value ?? "")).Where(IsPredefined).Select(name => new StringSegment(name)).ToList();

    private static bool IsPredefined(string name)
    {
        try
        {
            return name.Length > 0 && CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
