namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>The rail of an operation: the sandbox bank for test mode; for live mode the merchant's provider, of which none can be connected yet.</summary>
public sealed class PaymentRails(SandboxBank sandbox)
{
    public IPaymentRail? For(RailOperation operation) => operation.Livemode ? null : sandbox;
}
