using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Http;

/// <summary>
/// What a load balancer or orchestrator asks: <c>/healthz</c>, is the process alive (it answers at all);
/// <c>/readyz</c>, may it take traffic (the database answers and has every migration this build expects).
/// <c>/health</c> stays as the ready check, for the scripts that already use it.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static void AddHealthEndpoints(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>(tags: [Ready])
            .AddCheck<MigrationsApplied>("migrations", tags: [Ready]);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
    }

    /// <summary>Unhealthy while the database lacks a migration of this build (a rolling deploy not yet migrated).</summary>
    private sealed class MigrationsApplied(IDbContextFactory<AppDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending.Count} migrations not applied");
        }
    }
}
