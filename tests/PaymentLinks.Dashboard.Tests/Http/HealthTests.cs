using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PaymentLinks.Dashboard.Tests.Http;

public sealed class HealthTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Live_and_ready_answer_200_and_ready_turns_503_while_a_migration_is_missing()
    {
        var client = _app.CreateClient();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), ((await client.GetAsync("/healthz")).StatusCode, (await client.GetAsync("/readyz")).StatusCode));

        // As if this build had a migration the database has not had yet.
        await using (var db = _app.NewContext())
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode); // alive all the same
    }

    // Here rather than in a class of its own: it needs nothing but an app without Management:Port, which this one is.
    [Fact]
    public async Task Without_a_management_port_there_is_no_metrics_endpoint()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/metrics")).StatusCode);
    }
}
