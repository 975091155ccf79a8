using System.Globalization;
using System.Resources;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Mail.Templates;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Mail;

/// <summary>The customer's mail speaks the language they paid in, right to left where it is; the merchant's stays English.</summary>
public sealed class CustomerMailLanguageTests : IAsyncLifetime
{
    private static readonly ResourceManager Words = new(typeof(CustomerMailText).FullName!, typeof(CustomerMailText).Assembly);

    private readonly MailServer _server = MailServer.FromEnvironment();
    private readonly ServiceHarness _harness;
    private MailShop _shop = default!;

    public CustomerMailLanguageTests() => _harness = new ServiceHarness(settings: _server.Settings);

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _shop = await MailShop.OpenAsync(_harness);
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_receipt_is_in_the_language_the_customer_paid_in_with_its_amounts_written_so()
    {
        var customer = MailServer.NewAddress();
        await _shop.PayAsync(await _shop.LinkAsync(), customer, name: "João", language: "pt-BR");

        await _shop.DeliverAsync();

        var receipt = Assert.Single(await _server.WaitForAsync(customer));
        var amount = Money.Format(49.90m, "EUR", CultureInfo.GetCultureInfo("pt-BR"));
        Assert.Equal(Said("pt-BR", "Receipt.Subject", "Mailing Mangoes", amount), receipt.Subject);
        Assert.Contains(Said("pt-BR", "Receipt.ThankYouName", "João"), receipt.TextBody);
        Assert.Contains($"{Said("pt-BR", "Receipt.AmountPaid")}: {amount}", receipt.TextBody);
        Assert.Contains("<html lang=\"pt-BR\" dir=\"ltr\">", receipt.HtmlBody);
    }

    [Fact]
    public async Task An_Arabic_customers_receipt_and_refund_notice_read_right_to_left()
    {
        var customer = MailServer.NewAddress();
        var paid = await _shop.PayAsync(await _shop.LinkAsync(), customer, language: "ar");
        await _harness.Services.GetRequiredService<RefundService>().RefundAsync(_shop.Merchant, paid.Id, 9.90m, RefundReason.RequestedByCustomer);

        await _shop.DeliverAsync();

        var mail = await _server.WaitForAsync(customer, count: 2);
        var refunded = Money.Format(9.90m, "EUR", CultureInfo.GetCultureInfo("ar"));
        var refund = Assert.Single(mail, m => m.Subject == Said("ar", "Refund.Subject", "Mailing Mangoes", refunded));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", refund.HtmlBody);
        Assert.Contains(Said("ar", "Common.TestNote"), refund.TextBody);
        Assert.Contains($"{Said("ar", "Refund.Refunded")}: \u2068{refunded}\u2069", refund.TextBody); // the amount keeps its own direction
        var receipt = Assert.Single(mail, m => m != refund);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", receipt.HtmlBody);
        Assert.Contains(Said("ar", "Receipt.For"), receipt.TextBody);
    }

    [Fact]
    public async Task The_merchants_notice_of_a_German_payment_stays_English_and_a_payment_that_named_no_language_mails_English()
    {
        var german = MailServer.NewAddress();
        var unnamed = MailServer.NewAddress();
        var link = await _shop.LinkAsync();
        await _shop.PayAsync(link, german, language: "de");
        await _shop.PayAsync(link, unnamed); // as through the API

        await _shop.DeliverAsync();

        var amount = Money.Format(49.90m, "EUR", CultureInfo.GetCultureInfo("de"));
        Assert.Equal(Said("de", "Receipt.Subject", "Mailing Mangoes", amount), (await _server.WaitForAsync(german)).Single().Subject);
        Assert.Equal("Your receipt from Mailing Mangoes: EUR\u00A049.90", (await _server.WaitForAsync(unnamed)).Single().Subject);
        var notices = await _server.WaitForAsync(_shop.OwnerEmail, count: 2);
        Assert.All(notices, notice => Assert.Equal("New payment: 49.90 EUR for Mango crate", notice.Subject));
        Assert.All(notices, notice => Assert.Contains("<html lang=\"en\" dir=\"ltr\">", notice.HtmlBody));
    }

    private static string Said(string language, string key, params object[] values)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var words = Words.GetString(key, culture)!;
        Assert.NotEqual(Words.GetString(key, CultureInfo.InvariantCulture), words);
        return string.Format(culture, words, values);
    }
}
