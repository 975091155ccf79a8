using PaymentLinks.Dashboard;

var builder = WebApplication.CreateBuilder(args);
if (Commands.Named(args) is { } command)
    return await command(builder.Configuration, args[1..]);
builder.AddDashboard();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseDashboard();
app.Run();
return 0;

/// <summary>Entry point type, public so that tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
