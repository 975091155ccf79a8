using System.Xml;
using System.Xml.Linq;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Infrastructure.Branding;

/// <summary>
/// Reduces an SVG logo to shapes: the elements and attributes that draw, nothing that runs, loads or links. An SVG
/// with something that does (a script, an event handler, a reference to anything outside it, a DOCTYPE) is refused
/// outright rather than quietly repaired: it was made to do harm, or by a tool the merchant should know about.
/// </summary>
public static class SvgShapes
{
    /// <summary>Far more than any logo needs; beyond them a file is built to exhaust the server, not to draw.</summary>
    public const int MaxDepth = 32, MaxElements = 5_000, MaxAttributesPerElement = 32;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly XmlReaderSettings Reading = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
    };

    private static readonly HashSet<string> Shapes = ["svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon"];

    private static readonly HashSet<string> Refused =
        ["script", "foreignObject", "image", "use", "a", "iframe", "embed", "object", "style", "animate", "animateMotion", "animateTransform", "set", "feImage"];

    private static readonly HashSet<string> Drawing =
    [
        "viewBox", "width", "height", "x", "y", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "d", "points", "transform",
        "fill", "fill-rule", "fill-opacity", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-opacity", "opacity", "clip-rule", "preserveAspectRatio", "version",
    ];

    /// <summary>The cleaned SVG's text, or why it is refused.</summary>
    public static (string? Svg, Problem? Problem) Clean(byte[] content)
    {
        XDocument document;
        try
        {
            // Measured with a streaming reader first, so no tree (and no walk of one) is ever built for a hostile file.
            if (SizeProblem(content) is { } tooBig)
                return (null, tooBig);
            using var reader = XmlReader.Create(new MemoryStream(content), Reading);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return (null, new(BusinessProblems.SvgUnreadable, "This SVG cannot be read (it is malformed or declares a DOCTYPE)."));
        }
        if (document.Root is not { } root || root.Name != Svg + "svg")
            return (null, new(BusinessProblems.SvgNotSvg, "This file is not an SVG image."));
        if (root.DescendantsAndSelf().FirstOrDefault(e => Refused.Contains(e.Name.LocalName)) is { } active)
            return (null, new(BusinessProblems.SvgElementNotAllowed, $"SVG logos may only contain shapes: <{active.Name.LocalName}> is not allowed.", active.Name.LocalName));
        if (root.DescendantsAndSelf().SelectMany(e => e.Attributes()).FirstOrDefault(IsActive) is { } attribute)
            return (null, new(BusinessProblems.SvgAttributeNotAllowed,
                $"SVG logos may not run or load anything: the attribute {attribute.Name.LocalName}=\"…\" is not allowed.", attribute.Name.LocalName));
        return (Keep(root).ToString(SaveOptions.DisableFormatting), null);
    }

    private static Problem? SizeProblem(byte[] content)
    {
        using var reader = XmlReader.Create(new MemoryStream(content), Reading);
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            if (reader.Depth >= MaxDepth)
                return new(BusinessProblems.SvgTooDeep,
                    $"This SVG nests its elements more than {MaxDepth} deep; a logo needs far fewer. Flatten its groups and upload it again.", MaxDepth);
            if (++elements > MaxElements)
                return new(BusinessProblems.SvgTooManyElements, $"This SVG has more than {MaxElements:N0} elements; simplify it and upload it again.", MaxElements);
            if (reader.AttributeCount > MaxAttributesPerElement)
                return new(BusinessProblems.SvgTooManyAttributes,
                    $"An element of this SVG has more than {MaxAttributesPerElement} attributes; simplify it and upload it again.", MaxAttributesPerElement);
        }
        return null;
    }

    private static bool IsActive(XAttribute attribute)
    {
        var name = attribute.Name.LocalName;
        var value = attribute.Value.Trim();
        return name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "href" or "src" or "style"
            || value.Contains("url(", StringComparison.OrdinalIgnoreCase) || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The element with only its drawing attributes and shape children; everything else (text, metadata, defs) goes.
    /// Recursive, which <see cref="MaxDepth"/> keeps shallow.
    /// </summary>
    private static XElement Keep(XElement element) => new(Svg + element.Name.LocalName,
        element.Attributes().Where(a => a.Name.Namespace == XNamespace.None && Drawing.Contains(a.Name.LocalName)),
        element.Elements().Where(e => e.Name.Namespace == Svg && Shapes.Contains(e.Name.LocalName)).Select(Keep));
}
