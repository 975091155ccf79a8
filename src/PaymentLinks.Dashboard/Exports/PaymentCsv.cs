using System.Globalization;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Exports;

/// <summary>
/// Payments as CSV (<see cref="CsvFile"/>). <c>Net</c> is what a completed payment brought in after
/// its refunds (0 for one that did not complete).
/// </summary>
public static class PaymentCsv
{
    private static readonly string[] Header =
    [
        "Payment ID", "Created", "Finished", "Status", "Link", "Link public ID", "Quantity", "Unit amount", "Amount", "Currency",
        "Customer email", "Customer name", "Customer phone", "Answers", "Failure reason", "Refunded", "Net",
    ];

    public static Task WriteAsync(Stream output, IAsyncEnumerable<PaymentRow> rows, TimeZoneInfo zone, CancellationToken ct) =>
        CsvFile.WriteAsync(output, Header, rows, row => Cells(row, zone), ct);

    private static string[] Cells(PaymentRow row, TimeZoneInfo zone)
    {
        var payment = row.Payment;
        string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
        return
        [
            payment.Id.ToString(), CsvFile.Time(payment.CreatedAt, zone), CsvFile.Time(payment.FinishedAt, zone), payment.State.ToDisplayName(),
            row.LinkTitle, row.LinkPublicId, payment.Quantity.ToString(CultureInfo.InvariantCulture), Money(payment.UnitAmount),
            Money(payment.Amount), payment.Currency, payment.CustomerEmail ?? "", payment.CustomerName ?? "", payment.CustomerPhone ?? "",
            string.Join("; ", payment.Answers.Select(a => $"{a.Label}: {a.Value}")), payment.FailureReason ?? "",
            Money(payment.RefundedAmount), Money(payment.Status == PaymentStatus.Completed ? payment.Amount - payment.RefundedAmount : 0m),
        ];
    }
}
