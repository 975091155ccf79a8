using PaymentLinks.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseDashboard();
app.Run();

/// <summary>Entry point type, public so that tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
