using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Merchants;

/// <summary>
/// What can be wrong with a business's profile and its checkout's branding (accent colour, logo), as codes
/// (<see cref="Problem"/>): the dashboard says each in its reader's language, with the values named here in this order.
/// The business name's length and characters use the link settings' codes (<see cref="LinkProblems.TooLong"/>…).
/// </summary>
public static class BusinessProblems
{
    /// <summary>No values.</summary>
    public const string TimeZoneNotListed = "time_zone_not_listed";
    public const string LanguageNotListed = "language_not_listed";
    public const string AccentNotHex = "accent_not_hex";
    public const string LogoEmpty = "logo_empty";
    public const string LogoNotImage = "logo_not_image";
    public const string SvgUnreadable = "svg_unreadable";
    public const string SvgNotSvg = "svg_not_svg";

    /// <summary>Values: the colour's contrast with white, the least contrast needed (numbers with decimals).</summary>
    public const string AccentTooLight = "accent_too_light";

    /// <summary>Values: the largest size in KB.</summary>
    public const string LogoTooLarge = "logo_too_large";

    /// <summary>Values: the name of the SVG element or attribute as the file has it.</summary>
    public const string SvgElementNotAllowed = "svg_element_not_allowed";
    public const string SvgAttributeNotAllowed = "svg_attribute_not_allowed";

    /// <summary>Values: one number (the deepest nesting, the most elements, the most attributes of an element).</summary>
    public const string SvgTooDeep = "svg_too_deep";
    public const string SvgTooManyElements = "svg_too_many_elements";
    public const string SvgTooManyAttributes = "svg_too_many_attributes";

    /// <summary>The business's settings as its problems name them.</summary>
    public static readonly SettingName BusinessName = new(nameof(BusinessName), "Business name");

    public static IReadOnlyList<SettingName> Names { get; } = [BusinessName];
}
