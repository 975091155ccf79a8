namespace PaymentLinks.Domain.Common;

/// <summary>
/// One thing wrong, said twice: as a code with the values its message names (for a page that says it in its reader's
/// language) and as the English message they make (for the API and the logs).
/// </summary>
public sealed record Problem(string Code, string Message, params object[] Values)
{
    /// <summary>This problem, shown by the field <paramref name="field"/>.</summary>
    public FieldError At(string field) => new(field, Message) { Code = Code, Values = Values };

    /// <summary>This problem as the refusal of invalid input, shown by the field <paramref name="field"/>.</summary>
    public Refusal InvalidAt(string field) => Refusal.Invalid([At(field)]);

    /// <summary>This problem as a refusal with the API's <paramref name="refusalCode"/>.</summary>
    public Refusal As(string refusalCode) => new(refusalCode, Message) { ProblemCode = Code, Values = Values };
}
