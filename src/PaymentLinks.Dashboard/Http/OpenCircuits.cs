using Microsoft.AspNetCore.Components.Server.Circuits;
using PaymentLinks.Infrastructure.Telemetry;

namespace PaymentLinks.Dashboard.Http;

/// <summary>Counts the dashboards open on this instance (Blazor circuits), for <see cref="ProductMetrics"/>.</summary>
internal sealed class OpenCircuits(ProductMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
