using PaymentLinks.Dashboard.Operations;

namespace PaymentLinks.Dashboard;

/// <summary>
/// The one-off commands the app runs instead of serving (<c>dotnet run -- &lt;command&gt; …</c>): each reads the app's
/// configuration, does its work and ends with an exit code (0 done, 1 refused, 2 not understood).
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, Func<IConfiguration, string[], Task<int>>> ByName = new()
    {
        [DatabaseCopyCommand.Name] = DatabaseCopyCommand.RunAsync,
        [BackupCommand.Name] = BackupCommand.RunAsync,
        [RestoreCommand.Name] = RestoreCommand.RunAsync,
    };

    /// <summary>The command the first argument names, or null: then the app serves.</summary>
    public static Func<IConfiguration, string[], Task<int>>? Named(string[] args) =>
        args.FirstOrDefault() is { } name && ByName.TryGetValue(name, out var command) ? command : null;
}
