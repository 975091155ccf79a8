using PaymentLinks.Domain.Links;
using Fields = PaymentLinks.Domain.Links.LinkSettings.Fields;

namespace PaymentLinks.Domain.Tests;

public sealed class CheckoutOptionsValidationTests
{
    private static CustomField Choice(string label, params string[] options) => new(label, CustomFieldKind.Choice, true, options);

    private static CustomField Text(string label) => new(label, CustomFieldKind.Text, false, []);

    public static TheoryData<string, LinkSettings> BadOptions() => new()
    {
        { Fields.MaxQuantity, Links.Settings() with { MaxQuantity = 1 } },
        { Fields.MaxQuantity, Links.Settings() with { MaxQuantity = 100 } },
        { Fields.MaxQuantity, Links.Settings() with { MaxQuantity = -3 } },
        { Fields.MaxQuantity, Links.Settings() with { Amount = 20_000_000m, MaxQuantity = 99 } },
        { Fields.MaxQuantity, Links.Settings() with { CustomerChoosesAmount = true, MaxQuantity = 5 } },
        { Fields.Amount, Links.Settings() with { CustomerChoosesAmount = true, Amount = 0m } },
        { Fields.SuggestedAmount, Links.Settings() with { CustomerChoosesAmount = true, Amount = 10m, SuggestedAmount = 5m } },
        { Fields.SuggestedAmount, Links.Settings() with { CustomerChoosesAmount = true, SuggestedAmount = 10.001m } },
        { Fields.SuggestedAmount, Links.Settings() with { CustomerChoosesAmount = true, SuggestedAmount = 2_000_000_000m } },
        { Fields.SuggestedAmount, Links.Settings() with { CustomerChoosesAmount = true, Amount = 10m, MaximumAmount = 50m, SuggestedAmount = 60m } },
        { Fields.SuggestedAmount, Links.Settings() with { CustomerChoosesAmount = true, Amount = 1m, SuggestedAmount = 1_000.01m } },
        { Fields.MaximumAmount, Links.Settings() with { CustomerChoosesAmount = true, Amount = 10m, MaximumAmount = 9.99m } },
        { Fields.MaximumAmount, Links.Settings() with { CustomerChoosesAmount = true, MaximumAmount = 100.001m } },
        { Fields.MaximumAmount, Links.Settings() with { CustomerChoosesAmount = true, MaximumAmount = 2_000_000_000m } },
        { Fields.CustomerDetails, Links.Settings() with { CustomerDetails = new((DetailMode)7) } },
        { Fields.CustomFields, Links.Settings() with { CustomFields = [Text("A"), Text("B"), Text("C"), Text("D")] } },
        { Fields.CustomField(0, "label"), Links.Settings() with { CustomFields = [Text("   ")] } },
        { Fields.CustomField(0, "label"), Links.Settings() with { CustomFields = [Text(new string('x', CustomField.LabelMaxLength + 1))] } },
        { Fields.CustomField(0, "label"), Links.Settings() with { CustomFields = [Text("Size \u202Egib")] } },
        { Fields.CustomField(1, "label"), Links.Settings() with { CustomFields = [Text("Size"), Text(" size ")] } },
        { Fields.CustomField(0, "kind"), Links.Settings() with { CustomFields = [new("Size", (CustomFieldKind)9, false, [])] } },
        { Fields.CustomField(0, "options"), Links.Settings() with { CustomFields = [Choice("Size", "M")] } },
        { Fields.CustomField(0, "options"), Links.Settings() with { CustomFields = [Choice("Size", [.. Enumerable.Range(1, 11).Select(i => $"{i}")])] } },
        { Fields.CustomField(0, "options"), Links.Settings() with { CustomFields = [Choice("Size", "S", " ")] } },
        { Fields.CustomField(0, "options"), Links.Settings() with { CustomFields = [Choice("Size", "S", "s")] } },
        { Fields.CustomField(0, "options"), Links.Settings() with { CustomFields = [Choice("Size", "S", "M\0")] } },
        { Fields.CustomField(0, "options"), Links.Settings() with { CustomFields = [Choice("Size", "S", new string('x', 41))] } },
        { Fields.CustomField(0, "options"), Links.Settings() with { CustomFields = [new("Notes", CustomFieldKind.Text, false, ["a", "b"])] } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_naming_the_field(string field, LinkSettings settings)
    {
        var created = PaymentLink.Create(Guid.NewGuid(), livemode: false, settings, publish: false, DateTimeOffset.UnixEpoch, Links.Merchant);

        Assert.False(created.IsSuccess);
        Assert.Equal(field, Assert.Single(created.Refusal.Fields).Field);
    }

    [Fact]
    public void The_minimum_of_a_chosen_amount_is_named_as_such() =>
        Assert.Equal("Minimum amount must be greater than zero.",
            Assert.Single((Links.Settings() with { CustomerChoosesAmount = true, Amount = 0 }).Validate()).Message);

    [Fact]
    public void A_full_set_of_options_is_kept_as_given_after_trimming()
    {
        var settings = Links.Settings() with
        {
            MaxQuantity = 99,
            CustomerDetails = new(DetailMode.Required, DetailMode.Optional, DetailMode.Off),
            CustomFields = [Choice(" T-shirt size ", " S", "M ", "L"), new("Age", CustomFieldKind.Number, false, []), Text("Notes")],
        };

        var link = PaymentLink.Create(Guid.NewGuid(), livemode: false, settings, publish: true, DateTimeOffset.UnixEpoch, Links.Merchant).Value;

        Assert.Equal(99, link.MaxQuantity);
        Assert.Equal(new CustomerDetails(DetailMode.Required, DetailMode.Optional, DetailMode.Off), link.CustomerDetails);
        Assert.Equal(Choice("T-shirt size", "S", "M", "L"), link.CustomFields[0]);
        Assert.Equal(3, link.CustomFields.Count);
    }

    [Fact]
    public void A_suggested_amount_is_dropped_when_the_amount_is_fixed()
    {
        var link = PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings() with { SuggestedAmount = 40m }, publish: false, DateTimeOffset.UnixEpoch, Links.Merchant).Value;

        Assert.Null(link.SuggestedAmountMinor);
    }

    [Fact]
    public void Email_is_asked_by_default_and_nothing_else() =>
        Assert.Equal(new CustomerDetails(DetailMode.Optional, DetailMode.Off, DetailMode.Off), new LinkSettings().CustomerDetails);

    [Fact]
    public void Settings_read_twice_from_one_link_are_equal_custom_fields_compared_by_value()
    {
        var link = PaymentLink.Create(Guid.NewGuid(), livemode: false, Links.Settings() with { CustomFields = [Choice("Size", "S", "M")] },
            publish: false, DateTimeOffset.UnixEpoch, Links.Merchant).Value;

        Assert.Equal(link.CurrentSettings(), link.CurrentSettings() with { CustomFields = [Choice("Size", "S", "M")] });
        Assert.NotEqual(link.CurrentSettings(), link.CurrentSettings() with { CustomFields = [Choice("Size", "S", "L")] });
        Assert.NotEqual(link.CurrentSettings(), link.CurrentSettings() with { Title = "Other" });
    }
}
