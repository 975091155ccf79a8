using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>A family's words as the app's localizer reads them from its resx, for code given them outside a container.</summary>
public static class ResxWords
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IStringLocalizer<TFamily> Of<TFamily>() => new StringLocalizer<TFamily>(Factory);
}
