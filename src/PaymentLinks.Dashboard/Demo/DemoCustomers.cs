using System.Globalization;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Demo;

/// <summary>Made-up customers for the demo's payments, so its tables and exports show names, emails and answers.</summary>
internal static class DemoCustomers
{
    private static readonly string[] Names =
    [
        "Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Linus Pauling", "Hedy Lamarr", "Tim Berners-Lee",
        "Margaret Hamilton", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Frances Allen", "Ken Thompson", "Radia Perlman",
    ];

    public static CheckoutAnswers Answer(int index) => Answer(index, quantity: 1);

    public static CheckoutAnswers Answer(int index, int quantity = 1, string? field = null, string? amount = null)
    {
        var name = Names[index % Names.Length];
        return new CheckoutAnswers
        {
            Quantity = quantity.ToString(CultureInfo.InvariantCulture),
            Amount = amount,
            Name = name,
            Email = name.ToLowerInvariant().Replace(' ', '.') + "@example.com",
            Fields = field is null ? [] : [field],
        };
    }
}
