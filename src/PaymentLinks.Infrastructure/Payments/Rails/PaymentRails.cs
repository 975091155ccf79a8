using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Payments.Rails;

/// <summary>
/// The rail of an operation: the one its payment was authorized at. The sandbox bank serves test mode only; a live
/// payment can only have been authorized at the merchant's provider.
/// </summary>
public sealed class PaymentRails(SandboxBank sandbox, Providers.StripeRail stripe)
{
    public IPaymentRail? For(RailOperation operation) => operation.Provider switch
    {
        PaymentProvider.Stripe => stripe,
        _ when operation.Livemode => null,
        _ => sandbox,
    };
}
