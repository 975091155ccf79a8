using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Common;

/// <summary>One field that failed validation, with a message fit to show next to it.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>
    /// What is wrong, in no language (<see cref="Payments.AnswerProblems"/>), for a page that says it in its reader's:
    /// with <see cref="Values"/>, the message's parts. Null where the English message is all there is.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>What the message names, in order: the field (<see cref="Payments.DetailName"/> or a label as written), a number, an amount (<see cref="Links.MoneyAmount"/>).</summary>
    public IReadOnlyList<object> Values { get; init; } = Array.Empty<object>();
}

/// <summary>
/// An expected failure: an illegal transition, invalid input, a missing link. Returned, never thrown.
/// </summary>
public sealed record Refusal(string Code, string Message, IReadOnlyList<FieldError> Fields)
{
    public Refusal(string code, string message) : this(code, message, []) { }

    /// <summary>
    /// What is wrong, in no language (a <see cref="Problem"/>'s code), for a page that says it in its reader's, with
    /// <see cref="Values"/>; null where the English message is all there is.
    /// </summary>
    public string? ProblemCode { get; init; }

    /// <summary>What the message names, in order (see <see cref="FieldError.Values"/>).</summary>
    public IReadOnlyList<object> Values { get; init; } = Array.Empty<object>();

    /// <summary>For a refused move: the state it was in and the state that was asked for.</summary>
    public string? From { get; init; }
    public string? To { get; init; }

    /// <summary>Invalid input; a refusal of one field says what that field's error says (its code and values too).</summary>
    public static Refusal Invalid(IReadOnlyList<FieldError> fields) =>
        new(RefusalCodes.InvalidRequest, string.Join(" ", fields.Select(f => f.Message)), fields)
        {
            ProblemCode = fields.Count == 1 ? fields[0].Code : null,
            Values = fields.Count == 1 ? fields[0].Values : Array.Empty<object>(),
        };

    public static Refusal Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static Refusal NotFound() => new Problem(LinkProblems.NotFound, "No such payment link.").As(RefusalCodes.NotFound);

    public static Refusal ChangedBySomeoneElse() =>
        new Problem(LinkProblems.ChangedBySomeoneElse, "This link was changed by someone else. Reload to see the latest values.").As(RefusalCodes.Conflict);
}

public static class RefusalCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidTransition = "invalid_transition";

    /// <summary>The caller's role in the business does not allow this (or they are no longer a member).</summary>
    public const string Forbidden = "forbidden";
    public const string NotFound = "resource_missing";
    public const string Conflict = "changed_by_someone_else";
    public const string LinkDisabled = "link_disabled";
    public const string LinkExpired = "link_expired";
    public const string LinkUsed = "link_used";
    public const string LinkArchived = "link_archived";
    public const string LinkNotPayable = "link_not_payable";
    public const string PaymentDeclined = "payment_declined";
    public const string InsufficientFunds = "insufficient_funds";
    public const string PaymentAbandoned = "payment_abandoned";

    /// <summary>The provider authorized an amount that is no longer the payment's (its order changed meanwhile): voided.</summary>
    public const string OrderChanged = "order_changed";
}
