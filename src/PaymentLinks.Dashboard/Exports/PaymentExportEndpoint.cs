using PaymentLinks.Dashboard.Components.Payments;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Exports;

/// <summary>
/// <c>GET /payments/export</c>: the signed-in merchant's payments the Payments page shows, as a CSV download. The page
/// names its mode in the address (<c>livemode=true</c> for live), so the file holds what that page showed even after
/// the mode was switched in another tab.
/// </summary>
public static class PaymentExportEndpoint
{
    public const string Path = "/payments/export";

    public static void MapPaymentExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, ExportAsync).RequirePermission(Permission.Export).ExcludeFromDescription();

    private static async Task ExportAsync(
        HttpContext http, PaymentLedger ledger, MerchantProfiles profiles, TimeProvider clock,
        string? link, string? status, string? from, string? to, string? email, string? livemode)
    {
        var (caller, zone) = await ExportCaller.OfAsync(http, profiles, livemode);
        var filter = PaymentFilter.Parse(link, status, from, to, email);
        CsvFile.Announce(http.Response, "payments", clock.GetUtcNow(), zone);
        var rows = ledger.StreamAsync(caller, filter.ToQuery(zone), http.RequestAborted);
        await PaymentCsv.WriteAsync(http.Response.Body, rows, zone, http.RequestAborted);
    }
}
