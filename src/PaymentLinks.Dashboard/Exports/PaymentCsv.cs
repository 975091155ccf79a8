using System.Globalization;
using System.Text;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Exports;

/// <summary>
/// Payments as CSV (RFC 4180) that spreadsheets open as they are: UTF-8 with a byte-order mark, every cell that needs
/// it quoted, and text a customer typed never taken for a formula. <c>Net</c> is what a completed payment brought in after
/// its refunds (0 for one that did not complete).
/// </summary>
public static class PaymentCsv
{
    private static readonly string[] Header =
    [
        "Payment ID", "Created", "Finished", "Status", "Link", "Link public ID", "Quantity", "Unit amount", "Amount", "Currency",
        "Customer email", "Customer name", "Customer phone", "Answers", "Failure reason", "Refunded", "Net",
    ];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<PaymentRow> rows, TimeZoneInfo zone, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(Line(Header));
        await foreach (var row in rows.WithCancellation(ct))
            await writer.WriteAsync(Line(Cells(row, zone)));
    }

    private static string[] Cells(PaymentRow row, TimeZoneInfo zone)
    {
        var payment = row.Payment;
        string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
        string Time(DateTimeOffset? at) => at is { } instant ? TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "";
        return
        [
            payment.Id.ToString(), Time(payment.CreatedAt), Time(payment.FinishedAt), payment.State.ToDisplayName(),
            row.LinkTitle, row.LinkPublicId, payment.Quantity.ToString(CultureInfo.InvariantCulture), Money(payment.UnitAmount),
            Money(payment.Amount), payment.Currency, payment.CustomerEmail ?? "", payment.CustomerName ?? "", payment.CustomerPhone ?? "",
            string.Join("; ", payment.Answers.Select(a => $"{a.Label}: {a.Value}")), payment.FailureReason ?? "",
            Money(payment.RefundedAmount), Money(payment.Status == PaymentStatus.Completed ? payment.Amount - payment.RefundedAmount : 0m),
        ];
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
