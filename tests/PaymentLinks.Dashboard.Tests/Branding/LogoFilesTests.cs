using System.Text;
using System.Text.RegularExpressions;
using PaymentLinks.Infrastructure.Branding;

namespace PaymentLinks.Dashboard.Tests.Branding;

public sealed class LogoFilesTests
{
    private static byte[] Svg(string body) => Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">{body}</svg>");

    public static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public void A_png_and_a_jpeg_are_kept_as_they_are_with_the_type_their_bytes_say()
    {
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 };

        Assert.Equal((OnePixelPng, "image/png", (PaymentLinks.Domain.Common.Problem?)null), LogoFiles.Inspect(OnePixelPng));
        Assert.Equal("image/jpeg", LogoFiles.Inspect(jpeg).ContentType);
    }

    [Theory]
    [InlineData("GIF89a", "PNG, JPEG or SVG")]
    [InlineData("", "empty")]
    [InlineData("<html><script>alert(1)</script></html>", "not an SVG")]
    [InlineData("<svg", "cannot be read")]
    public void Other_files_are_refused(string text, string message) =>
        Assert.Contains(message, LogoFiles.Inspect(Encoding.UTF8.GetBytes(text)).Problem?.Message);

    [Fact]
    public void A_file_over_256_kb_is_refused() =>
        Assert.Contains("at most 256 KB", LogoFiles.Inspect([.. OnePixelPng, .. new byte[256 * 1024]]).Problem?.Message);

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script>")]
    [InlineData("<circle r=\"4\" onload=\"alert(1)\"/>", "onload")]
    [InlineData("<image href=\"https://tracker.example/pixel.png\"/>", "<image>")]
    [InlineData("<use xlink:href=\"https://evil.example/sprite.svg#a\"/>", "<use>")]
    [InlineData("<a href=\"javascript:alert(1)\"><circle r=\"4\"/></a>", "<a>")]
    [InlineData("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">hi</div></foreignObject>", "<foreignObject>")]
    [InlineData("<rect width=\"4\" height=\"4\" fill=\"url(https://evil.example/x)\"/>", "fill")]
    [InlineData("<rect width=\"4\" height=\"4\" style=\"fill:red\"/>", "style")]
    [InlineData("<style>rect { fill: url(https://evil.example/x) }</style>", "<style>")]
    [InlineData("<set attributeName=\"fill\" to=\"red\"/>", "<set>")]
    public void An_svg_that_runs_loads_or_links_anything_is_refused(string body, string named)
    {
        var (content, _, problem) = LogoFiles.Inspect(Svg(body));

        Assert.Null(content);
        Assert.Contains(named, problem?.Message);
    }

    /// <summary>The root and <paramref name="levels"/> groups inside each other, a circle in the deepest.</summary>
    public static byte[] NestedSvg(int levels) =>
        Svg(string.Concat(Enumerable.Repeat("<g>", levels)) + "<circle r=\"4\"/>" + string.Concat(Enumerable.Repeat("</g>", levels)));

    [Theory]
    [InlineData(5_000)]
    [InlineData(36_000)]
    [InlineData(SvgShapes.MaxDepth - 1)] // with the root and the circle: one level too many
    public void An_svg_nested_deeper_than_a_logo_needs_is_refused_without_building_it(int levels) =>
        Assert.Contains($"more than {SvgShapes.MaxDepth} deep", LogoFiles.Inspect(NestedSvg(levels)).Problem?.Message);

    [Fact]
    public void An_svg_nested_as_deep_as_allowed_is_kept_whole()
    {
        var (content, _, problem) = LogoFiles.Inspect(NestedSvg(SvgShapes.MaxDepth - 2));

        Assert.Null(problem);
        Assert.Equal(SvgShapes.MaxDepth - 2, Regex.Count(Encoding.UTF8.GetString(content!), "<g>"));
    }

    [Fact]
    public void An_svg_with_too_many_elements_or_attributes_is_refused()
    {
        var crowd = Svg(string.Concat(Enumerable.Repeat("<rect width=\"1\" height=\"1\"/>", SvgShapes.MaxElements)));
        var attributes = string.Join(' ', Enumerable.Range(0, SvgShapes.MaxAttributesPerElement + 1).Select(i => $"data-{i}=\"1\""));

        Assert.Contains($"more than {SvgShapes.MaxElements:N0} elements", LogoFiles.Inspect(crowd).Problem?.Message);
        Assert.Contains($"more than {SvgShapes.MaxAttributesPerElement} attributes", LogoFiles.Inspect(Svg($"<rect {attributes}/>")).Problem?.Message);
    }

    [Fact]
    public void An_svg_with_a_doctype_is_refused_before_any_entity_is_expanded()
    {
        var billionLaughs = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&b;</svg>");

        Assert.Contains("DOCTYPE", LogoFiles.Inspect(billionLaughs).Problem?.Message);
    }

    [Fact]
    public void An_svg_keeps_its_shapes_and_drawing_attributes_and_loses_everything_else()
    {
        var (content, type, problem) = LogoFiles.Inspect(Svg(
            "<title>Logo</title><metadata>made by a tool</metadata><defs><linearGradient id=\"g\"/></defs>" +
            "<g id=\"layer\" data-name=\"x\"><path d=\"M0 0L10 10\" stroke=\"#000\"/><text x=\"1\">Hi</text></g><circle cx=\"5\" cy=\"5\" r=\"2\" fill=\"#7c2d12\"/>"));

        Assert.Null(problem);
        Assert.Equal("image/svg+xml", type);
        Assert.Equal("<svg viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\"><g><path d=\"M0 0L10 10\" stroke=\"#000\" /></g><circle cx=\"5\" cy=\"5\" r=\"2\" fill=\"#7c2d12\" /></svg>",
            Encoding.UTF8.GetString(content!));
    }
}
