namespace PaymentLinks.Domain.Links;

/// <summary>An amount in its currency, as a message's value: a page formats it for its reader; as text, it is <see cref="Money.Format"/>'s.</summary>
public sealed record MoneyAmount(decimal Amount, string Currency)
{
    public override string ToString() => Money.Format(Amount, Currency);
}
