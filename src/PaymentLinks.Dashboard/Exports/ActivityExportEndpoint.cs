using System.Globalization;
using PaymentLinks.Dashboard.Components.Activity;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Exports;

/// <summary>
/// <c>GET /activity/export</c>: the entries the Activity page shows, filtered by the same address, as a CSV download —
/// every one of them, not only the page on screen. The mode is named in the address as for the payments export.
/// </summary>
public static class ActivityExportEndpoint
{
    public const string Path = "/activity/export";

    private static readonly string[] Header = ["ID", "When", "Who", "Acting as", "From address", "What", "Subject ID", "Summary", "Changes"];

    public static void MapActivityExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, ExportAsync).RequirePermission(Permission.ViewActivity).ExcludeFromDescription();

    private static async Task ExportAsync(
        HttpContext http, ActivityLog log, MerchantProfiles profiles, TimeProvider clock,
        string? kind, string? who, string? link, string? from, string? to, string? livemode)
    {
        var (caller, zone) = await ExportCaller.OfAsync(http, profiles, livemode);
        var filter = ActivityAddress.Parse(kind, who, link, from, to).ToFilter(zone);
        CsvFile.Announce(http.Response, "activity", clock.GetUtcNow(), zone);
        var entries = log.StreamAsync(caller, filter, http.RequestAborted);
        await CsvFile.WriteAsync(http.Response.Body, Header, entries, entry => Cells(entry, zone), http.RequestAborted);
    }

    private static string[] Cells(ActivityEntry entry, TimeZoneInfo zone) =>
    [
        entry.Id.ToString(CultureInfo.InvariantCulture), CsvFile.Time(entry.At, zone), entry.ActorLabel ?? entry.ActorId ?? "",
        entry.ActorKind == ActorKind.ApiKey ? "API key" : "Member", entry.Address ?? "", entry.Kind, entry.SubjectId ?? "", entry.Summary,
        entry.Changes ?? "",
    ];
}
