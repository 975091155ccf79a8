using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PaymentLinks.Dashboard.Exports;

/// <summary>
/// CSV (RFC 4180) that spreadsheets open as it is: UTF-8 with a byte-order mark, every cell that needs it quoted, and
/// text someone typed never taken for a formula.
/// </summary>
public static class CsvFile
{
    public static async Task WriteAsync<T>(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, string[]> cells, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(Line(header));
        await foreach (var row in rows.WithCancellation(ct))
            await writer.WriteAsync(Line(cells(row)));
    }

    /// <summary>
    /// Where a page's Export button points: its filters, and live mode when the page shows it (test is the default), so
    /// the file holds what that page showed even after the mode was switched in another tab.
    /// </summary>
    public static string Href(string path, string filters, bool livemode)
    {
        var shown = path.TrimStart('/') + filters;
        return livemode ? QueryHelpers.AddQueryString(shown, "livemode", "true") : shown;
    }

    /// <summary>An instant in the merchant's zone, with its offset, so the file says when without knowing the zone.</summary>
    public static string Time(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } instant ? TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "";

    /// <summary>How a download is named and kept: <c>{what}-{today}.csv</c>, never cached.</summary>
    public static void Announce(HttpResponse response, string what, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{what}-{today}.csv\"";
        response.Headers.CacheControl = "private, no-store";
    }

    private static string Line(IEnumerable<string> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    /// <summary>
    /// One cell. Text starting with = + - @ (or a tab or carriage return) is what spreadsheets run as a formula: it
    /// gets a leading apostrophe, which they show as plain text (OWASP's advice for CSV injection).
    /// </summary>
    public static string Cell(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
