using System.Globalization;

namespace PaymentLinks.Domain.Common;

/// <summary>
/// What text a merchant may store. Customers read it on the checkout page, so no invisible control characters
/// and no bidirectional overrides or isolates (they can make "Gift card 10.00" display as something else), and
/// no broken UTF-16 that a database or a browser would mangle.
/// </summary>
public static class TextRules
{
    public const string RequiredCode = "required";
    public const string TooLongCode = "too_long";
    public const string InvalidCharacterCode = "invalid_character";
    public const string DirectionControlsCode = "direction_controls";
    public const string ControlCharactersCode = "control_characters";
    public const string ControlCharactersExceptBreaksCode = "control_characters_except_breaks";

    /// <summary>A text that must be given and was not, naming <paramref name="what"/>.</summary>
    public static Problem Required(object what) => new(RequiredCode, $"{what} is required.", what);

    /// <summary>A text longer than <paramref name="maxLength"/>, naming <paramref name="what"/>.</summary>
    public static Problem TooLong(object what, int maxLength) => new(TooLongCode, $"{what} must be at most {maxLength} characters.", what, maxLength);

    /// <summary>What is wrong with <paramref name="text"/>, or null; line breaks and tabs only where <paramref name="multiline"/>.</summary>
    public static string? Problem(string text, string what, bool multiline = false) => ProblemOf(text, what, multiline)?.Message;

    /// <summary>
    /// What is wrong with <paramref name="text"/> as a <see cref="Common.Problem"/> naming <paramref name="what"/> (its
    /// one value; its English name is what it writes as), or null.
    /// </summary>
    public static Problem? ProblemOf(string text, object what, bool multiline = false) =>
        Check(text, multiline) is { } problem ? new(CodeOf(problem, multiline), Message(problem, $"{what}", multiline), what) : null;

    /// <summary>What <paramref name="problem"/> says of the text named <paramref name="what"/>, in English.</summary>
    public static string Message(TextProblem problem, string what, bool multiline = false) => problem switch
    {
        TextProblem.InvalidCharacter => $"{what} contains an invalid character.",
        TextProblem.DirectionControls => $"{what} must not contain text-direction control characters.",
        _ => $"{what} must not contain control characters{(multiline ? " other than line breaks" : "")}.",
    };

    private static string CodeOf(TextProblem problem, bool multiline) => problem switch
    {
        TextProblem.InvalidCharacter => InvalidCharacterCode,
        TextProblem.DirectionControls => DirectionControlsCode,
        _ => multiline ? ControlCharactersExceptBreaksCode : ControlCharactersCode,
    };

    /// <summary>The first thing wrong with <paramref name="text"/>, or null.</summary>
    public static TextProblem? Check(string text, bool multiline = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return TextProblem.InvalidCharacter;
            if (IsBidiControl(c))
                return TextProblem.DirectionControls;
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Control && !(multiline && c is '\n' or '\r' or '\t'))
                return TextProblem.ControlCharacters;
        }
        return null;
    }

    // Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}

public enum TextProblem
{
    InvalidCharacter,
    DirectionControls,
    ControlCharacters,
}
