using PaymentLinks.Dashboard.Components.Links;
using PaymentLinks.Dashboard.Tests.Localization;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Dashboard.Tests.Components;

/// <summary>A choice's options as a merchant types them in one line.</summary>
public sealed class CustomFieldModelTests
{
    [Theory]
    [InlineData("S, M, L")]
    [InlineData("S،M، L")] // Arabic's comma (U+060C), as an Arabic keyboard types it
    [InlineData("S, M،L ,")] // both, and a trailing separator
    public void Options_are_split_at_the_comma_or_the_arabic_comma(string typed)
    {
        var model = new CustomFieldModel { Label = "Size", Kind = CustomFieldKind.Choice, OptionsText = typed };

        Assert.Equal(["S", "M", "L"], model.ToField().Options);
    }

    [Theory]
    [InlineData("en", "صغير, كبير")]
    [InlineData("ar", "صغير، كبير")]
    public void Options_to_edit_are_written_with_the_comma_of_the_pages_language(string language, string shown)
    {
        using var _ = new CultureScope(language);

        Assert.Equal(shown, CustomFieldModel.From(new CustomField("المقاس", CustomFieldKind.Choice, true, ["صغير", "كبير"])).OptionsText);
    }
}
