using Microsoft.AspNetCore.Components.Server.Circuits;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// Metrics in Prometheus' format on the management port (<see cref="ManagementPort"/>), and traces sent by OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. With neither, no OpenTelemetry is registered at all: nothing listens to
/// the meters and sources, so instrumented code does next to nothing. docs/OPERATIONS.md is the operator's side.
/// </summary>
public static class Telemetry
{
    private const string ServiceName = "paymentlinks-dashboard";

    /// <summary>
    /// The framework's meters worth a scrape. Not "Microsoft.AspNetCore.*": Blazor's lifecycle meter keeps a histogram
    /// per component type, hundreds of series that say more about rendering than about the service.
    /// </summary>
    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Identity",
        "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.MemoryPool", "System.Runtime", "System.Net.Http",
    ];

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CircuitHandler, OpenCircuits>();
        var managementPort = ManagementPort.Of(builder.Configuration);
        var sendsTraces = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (managementPort is null && !sendsTraces)
            return;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName));
        if (managementPort is { } port)
        {
            ManagementPort.ListenAlsoOn(builder, port);
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(ProductMetrics.MeterName)
                .AddMeter(FrameworkMeters)
                .AddPrometheusExporter());
        }
        if (sendsTraces)
            telemetry.WithTracing(tracing => tracing
                .AddSource(ProductTracing.SourceName)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation() // webhooks and Stripe
                .AddNpgsql()
                // Npgsql traces PostgreSQL's commands itself (including those not made by EF); EF Core's are traced on SQLite.
                .AddEntityFrameworkCoreInstrumentation(ef => ef.Filter = (provider, _) => provider?.Contains("Sqlite", StringComparison.Ordinal) == true)
                .AddProcessor<PollingQueriesUnrecorded>()
                .AddOtlpExporter());
    }

    /// <summary>
    /// Answers <c>/metrics</c> on the management port and nothing else there, ahead of the rest of the pipeline, so
    /// that a scrape meets no HTTPS redirect, HSTS, sign-in, rate limit or status-code page. Which port a request came
    /// in on is the connection's, not its Host header's, which a client of the public port could set to anything.
    /// </summary>
    public static void MapManagementEndpoints(this WebApplication app)
    {
        if (ManagementPort.Of(app.Configuration) is not { } port)
            return;
        app.MapWhen(context => context.Connection.LocalPort == port, management =>
        {
            management.UseOpenTelemetryPrometheusScrapingEndpoint();
            management.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    // A load balancer asks these every few seconds: a trace each would drown the rest.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/health");
}
