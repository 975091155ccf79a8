using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure.Links;

/// <summary>Who is calling the link service: every call is scoped to this merchant's links.</summary>
public sealed record MerchantCaller(Guid MerchantId, Actor Actor);
