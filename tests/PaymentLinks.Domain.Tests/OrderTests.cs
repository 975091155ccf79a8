using System.Globalization;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using Names = PaymentLinks.Domain.Payments.CheckoutAnswers.Names;

namespace PaymentLinks.Domain.Tests;

/// <summary>What a customer sends from the pay page, checked against the link, and what it is charged.</summary>
public sealed class OrderTests
{
    private static readonly CustomField Size = new("T-shirt size", CustomFieldKind.Choice, true, ["S", "M", "L"]);
    private static readonly CustomField Age = new("Age", CustomFieldKind.Number, false, []);
    private static readonly CustomField Notes = new("Notes", CustomFieldKind.Text, false, []);

    private static PaymentLink Shirt() => Link(Links.Settings() with
    {
        Amount = 25.00m,
        MaxQuantity = 5,
        CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Off),
        CustomFields = [Size, Age, Notes],
    });

    private static PaymentLink Donation() => Link(Links.Settings() with { Amount = 5.00m, CustomerChoosesAmount = true, SuggestedAmount = 20m });

    private static PaymentLink Link(LinkSettings settings) =>
        PaymentLink.Create(Guid.NewGuid(), livemode: false, settings, publish: true, DateTimeOffset.UnixEpoch, Links.Merchant).Value;

    private static readonly CheckoutAnswers GoodShirt = new() { Quantity = "3", Email = " ada@example.com ", Name = "Ada", Fields = ["M", "", ""] };

    [Theory]
    [InlineData(",", "2.500", 250000L)] // a German page writes "2.500,00 €": its reader's 2.500 is two thousand five hundred
    [InlineData(".", "2,500", 250000L)]
    [InlineData(",", "12,50", 1250L)]
    public void A_chosen_amount_is_read_by_the_decimal_separator_of_the_customers_language(string separator, string typed, long minor) =>
        Assert.Equal(minor, Order.From(Donation(), new CheckoutAnswers { Amount = typed, DecimalSeparator = separator }).Value.AmountMinor);

    [Fact]
    public void A_quantity_a_phone_number_and_a_number_typed_in_Arabic_or_Persian_digits_are_read_and_kept_in_ASCII()
    {
        var link = Link(Links.Settings() with
        {
            Amount = 25.00m, MaxQuantity = 5, CustomerDetails = new(DetailMode.Off, DetailMode.Off, DetailMode.Required), CustomFields = [Age],
        });

        var order = Order.From(link, new CheckoutAnswers { Quantity = "\u0663", Phone = "+\u06F9\u06F8 \u06F9\u06F1\u06F2 \u06F3\u06F4\u06F5 \u06F6\u06F7\u06F8\u06F9", Fields = ["\u0664\u0662\u066B\u0665"] }).Value;

        Assert.Equal((3, "+98 912 345 6789", "42.5"), (order.Quantity, order.Phone, order.Answers.Single().Value));
    }

    [Fact]
    public void The_amount_is_the_unit_amount_times_the_quantity_with_every_answer_kept_by_its_label()
    {
        var order = Order.From(Shirt(), GoodShirt with { Fields = ["M", "36", "Gift wrap"] }).Value;

        Assert.Equal((3, 7500L), (order.Quantity, order.AmountMinor));
        Assert.Equal(("ada@example.com", "Ada", (string?)null), (order.Email, order.Name, order.Phone));
        Assert.Equal([new("T-shirt size", "M"), new("Age", "36"), new("Notes", "Gift wrap")], order.Answers);
    }

    [Fact]
    public void Without_quantity_one_unit_is_charged_whatever_the_browser_sends()
    {
        var order = Order.From(Link(Links.Settings()), new CheckoutAnswers { Quantity = "50", Amount = "0.01" }).Value;

        Assert.Equal((1, 2500L), (order.Quantity, order.AmountMinor));
    }

    [Fact]
    public void Details_the_link_does_not_ask_for_are_not_kept()
    {
        var order = Order.From(Shirt(), GoodShirt with { Phone = "+44 20 7946 0958" }).Value;

        Assert.Null(order.Phone);
    }

    public static TheoryData<string, CheckoutAnswers> BadShirtAnswers() => new()
    {
        { Names.Quantity, GoodShirt with { Quantity = "0" } },
        { Names.Quantity, GoodShirt with { Quantity = "6" } },
        { Names.Quantity, GoodShirt with { Quantity = "-1" } },
        { Names.Quantity, GoodShirt with { Quantity = "2.5" } },
        { Names.Quantity, GoodShirt with { Quantity = "99999999999999999999" } },
        { Names.Quantity, GoodShirt with { Quantity = null } },
        { Names.Email, GoodShirt with { Email = "" } },
        { Names.Email, GoodShirt with { Email = "not-an-email" } },
        { Names.Email, GoodShirt with { Email = "a@b" } },
        { Names.Email, GoodShirt with { Email = "a b@example.com" } },
        { Names.Email, GoodShirt with { Email = new string('a', 250) + "@example.com" } },
        { Names.Name, GoodShirt with { Name = "Ada \u202ELovelace" } },
        { Names.Name, GoodShirt with { Name = new string('n', Order.NameMaxLength + 1) } },
        { Names.Field(0), GoodShirt with { Fields = ["", "", ""] } },
        { Names.Field(0), GoodShirt with { Fields = ["XXL", "", ""] } },
        { Names.Field(0), GoodShirt with { Fields = [] } },
        { Names.Field(1), GoodShirt with { Fields = ["M", "thirty", ""] } },
        { Names.Field(1), GoodShirt with { Fields = ["M", "1e5", ""] } },
        { Names.Field(2), GoodShirt with { Fields = ["M", "", new string('x', Order.AnswerMaxLength + 1)] } },
        { Names.Field(2), GoodShirt with { Fields = ["M", "", "=cmd|' /C calc'!A0\u0007"] } },
    };

    [Theory]
    [MemberData(nameof(BadShirtAnswers))]
    public void Bad_answers_are_refused_naming_the_field(string field, CheckoutAnswers answers)
    {
        var order = Order.From(Shirt(), answers);

        Assert.False(order.IsSuccess);
        Assert.Equal(field, Assert.Single(order.Refusal.Fields).Field);
    }

    [Fact]
    public void Every_field_at_fault_is_named_at_once()
    {
        var order = Order.From(Shirt(), new CheckoutAnswers { Quantity = "9", Email = "" });

        Assert.Equal([Names.Quantity, Names.Email, Names.Field(0)], order.Refusal!.Fields.Select(f => f.Field));
    }

    [Theory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("(555) 123-4567")]
    [InlineData("0612345678")]
    public void Phone_numbers_as_people_write_them_are_accepted(string phone)
    {
        var link = Link(Links.Settings() with { CustomerDetails = new(DetailMode.Off, DetailMode.Off, DetailMode.Required) });

        Assert.Equal(phone, Order.From(link, new CheckoutAnswers { Phone = phone }).Value.Phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("+1 555 123 4567 89012")]
    [InlineData("55+5123456")]
    public void Phone_numbers_that_cannot_be_dialled_are_refused(string phone)
    {
        var link = Link(Links.Settings() with { CustomerDetails = new(DetailMode.Off, DetailMode.Off, DetailMode.Optional) });

        Assert.Equal(Names.Phone, Assert.Single(Order.From(link, new CheckoutAnswers { Phone = phone }).Refusal!.Fields).Field);
    }

    [Theory]
    [InlineData("5", 500L)]
    [InlineData("5.00", 500L)]
    [InlineData("12,50", 1250L)]
    [InlineData("1,000.00", 100_000L)]
    [InlineData("1.000,00", 100_000L)]
    [InlineData(" 5000 ", 500_000L)]
    public void A_chosen_amount_at_or_above_the_minimum_is_charged(string amount, long charged) =>
        Assert.Equal(charged, Order.From(Donation(), new CheckoutAnswers { Amount = amount }).Value.AmountMinor);

    [Theory]
    [InlineData(null, "5000.01", "at most 5,000.00 EUR")]
    [InlineData(null, "99999999.00", "at most 5,000.00 EUR")]
    [InlineData("250", "250.01", "at most 250.00 EUR")]
    [InlineData("1000000000", "1000000000.01", "at most 1,000,000,000.00 EUR")]
    public void A_chosen_amount_above_the_merchants_maximum_or_else_a_thousand_times_the_minimum_is_refused(string? maximum, string amount, string message)
    {
        var link = Link(Links.Settings() with
        {
            Amount = 5.00m, CustomerChoosesAmount = true, MaximumAmount = maximum is null ? null : decimal.Parse(maximum, CultureInfo.InvariantCulture),
        });

        var error = Assert.Single(Order.From(link, new CheckoutAnswers { Amount = amount }).Refusal!.Fields);

        Assert.Contains(message, error.Message);
        Assert.True(Order.From(link, new CheckoutAnswers { Amount = maximum ?? "5000" }).IsSuccess);
    }

    [Theory]
    [InlineData("4.99", "at least 5.00 EUR")]
    [InlineData("0", "at least 5.00 EUR")]
    [InlineData("-20", "at least 5.00 EUR")]
    [InlineData("", "at least 5.00 EUR")]
    [InlineData("twenty", "at least 5.00 EUR")]
    [InlineData("1e3", "at least 5.00 EUR")]
    [InlineData("10.001", "at most 2 decimals")]
    [InlineData("99999999999999999999", "at most 5,000.00 EUR")]
    public void A_chosen_amount_out_of_bounds_is_refused(string amount, string message)
    {
        var refused = Order.From(Donation(), new CheckoutAnswers { Amount = amount });

        var error = Assert.Single(refused.Refusal!.Fields);
        Assert.Equal(Names.Amount, error.Field);
        Assert.Contains(message, error.Message);
    }
}
