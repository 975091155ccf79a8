using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>A page as a browser reads it: its language and direction, and its text with the markup and the indentation gone.</summary>
public sealed record LocalizedPage(string Language, string Direction, string Text, IHtmlDocument Document)
{
    public static LocalizedPage Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = document.DocumentElement;
        return new LocalizedPage(root.GetAttribute("lang") ?? "", root.GetAttribute("dir") ?? "", Regex.Replace(document.Body!.TextContent, "[ \t\r\n]+", " "), document);
    }
}
