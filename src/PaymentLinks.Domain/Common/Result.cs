using System.Diagnostics.CodeAnalysis;

namespace PaymentLinks.Domain.Common;

/// <summary>Either a value or the <see cref="Refusal"/> that explains why there is none.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Refusal? refusal)
    {
        _value = value;
        Refusal = refusal;
    }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsSuccess => Refusal is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Refused: {Refusal.Code} {Refusal.Message}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Fail(Refusal refusal) => new(default, refusal);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Refusal refusal) => Fail(refusal);
}

/// <summary>A value-less outcome: done, or refused.</summary>
public readonly struct Result
{
    private Result(Refusal? refusal) => Refusal = refusal;

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsSuccess => Refusal is null;

    public static Result Ok { get; } = new(null);

    public static implicit operator Result(Refusal refusal) => new(refusal);
}
