using System.Diagnostics;
using OpenTelemetry;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// Leaves out of the traces a database call that belongs to no request and no product span: the background workers
/// ask the database for due work every second, and a trace of each would bury the traces of requests. The work they
/// find is traced (a webhook's HTTP call, a mail send, a capture at Stripe).
/// </summary>
internal sealed class PollingQueriesUnrecorded : BaseProcessor<Activity>
{
    private static readonly HashSet<string> DatabaseSources = ["Npgsql", "OpenTelemetry.Instrumentation.EntityFrameworkCore"];

    public override void OnStart(Activity activity)
    {
        if (activity.Parent is null && activity.ParentSpanId == default && DatabaseSources.Contains(activity.Source.Name))
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
