using Bunit;
using Radzen;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>The shared bUnit context: Radzen's services, loose JS interop, an authorized merchant.</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("merchant@example.test");
    }
}
