using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Persistence;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Persistence;

/// <summary>Each provider has its own migrations (scripts/add-migration.sh adds to both); neither may fall behind the model.</summary>
public sealed class ProviderMigrationsTests
{
    [Fact]
    public async Task This_runs_provider_has_migrations_for_the_whole_model_and_they_apply_to_an_empty_database()
    {
        using var database = TestDatabase.ForThisRun();
        await using var db = DatabaseSetup.NewContext(database.Provider, database.ConnectionString);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes no {database.Provider} migration holds: run scripts/add-migration.sh <Name>.");
        await DatabaseSetup.MigrateAsync(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.PaymentLinks.CountAsync());
    }
}
