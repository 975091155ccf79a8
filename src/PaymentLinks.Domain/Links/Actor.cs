namespace PaymentLinks.Domain.Links;

public enum ActorKind
{
    MerchantUser,
    ApiKey,
    CustomerPayment,
    Clock,
    PaymentProvider,
}

/// <summary>Who or what caused a change, as recorded in a link's history.</summary>
public sealed record Actor(ActorKind Kind, string? Id)
{
    public static Actor Clock { get; } = new(ActorKind.Clock, null);

    /// <summary>The merchant's payment provider, reporting what was done in its own dashboard (a refund made there).</summary>
    public static Actor Provider { get; } = new(ActorKind.PaymentProvider, null);

    public static Actor User(string userId) => new(ActorKind.MerchantUser, userId);

    public static Actor Key(string keyId) => new(ActorKind.ApiKey, keyId);

    public static Actor Payment(Guid paymentId) => new(ActorKind.CustomerPayment, paymentId.ToString());
}
