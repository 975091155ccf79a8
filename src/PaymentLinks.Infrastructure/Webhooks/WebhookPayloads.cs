using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>Every webhook body: which event, when, in which mode, and its data (one of the records below). Serialized in snake_case.</summary>
public sealed record WebhookEnvelope(Guid Id, string Type, DateTimeOffset Created, bool Livemode, object Data);

/// <summary><c>payment.completed</c> and <c>payment.failed</c>: the payment, and its link as the payment left it.</summary>
public sealed record PaymentEventData(PaymentPayload Payment, LinkSnapshot Link);

public sealed record PaymentPayload(
    Guid Id, string Status, decimal Amount, string Currency, int Quantity, decimal UnitAmount, CustomerPayload Customer,
    IReadOnlyList<FieldAnswer> CustomFields, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public static PaymentPayload Of(PaymentAttempt payment) => new(
        payment.Id, payment.Status.ToString().ToUpperInvariant(), payment.Amount, payment.Currency, payment.Quantity,
        payment.Amount / payment.Quantity, new CustomerPayload(payment.CustomerEmail, payment.CustomerName, payment.CustomerPhone),
        payment.Answers, payment.FailureReason, payment.CreatedAt, payment.FinishedAt);
}

public sealed record CustomerPayload(string? Email, string? Name, string? Phone);

/// <summary><c>link.*</c>: the move, who made it, and the link after it.</summary>
public sealed record LinkEventData(string From, string To, string Actor, LinkSnapshot Link);

/// <summary><c>webhook.test</c>: the endpoint it was sent to.</summary>
public sealed record TestEventData(TestEndpoint Endpoint, string Message);

public sealed record TestEndpoint(Guid Id, string Url);

public sealed record LinkSnapshot(
    Guid Id, string PublicId, string Status, DateTimeOffset StatusChangedAt, string Title, decimal Amount, string Currency,
    int Usages, int MaxUsages, DateTimeOffset? ExpiresAt)
{
    public static LinkSnapshot Of(PaymentLink link) => new(
        link.Id, link.PublicId, link.Status.ToDisplayName(), link.StatusChangedAt, link.Title, link.Amount, link.Currency,
        link.Usages, link.MaxUsages, link.ExpiresAt);
}
