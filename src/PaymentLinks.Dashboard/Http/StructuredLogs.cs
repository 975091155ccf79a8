using System.Text.Json;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// Outside Development the console log is JSON, one object per line, for a log collector to parse; each line written
/// during a request carries that request's TraceId and SpanId (in its scopes), so it can be matched to its trace.
/// Development keeps the console a person reads.
/// </summary>
public static class StructuredLogs
{
    public static void AddStructuredLogs(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
            return;
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // The host's one console logger, switched to the JSON formatter; the other providers (EventSource, for
        // dotnet-trace) stay as they are.
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            json.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
    }
}
