using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Reliability;

/// <summary>
/// The app process killed with SIGKILL while its mail worker is sending receipts to the real SMTP server: started again,
/// it sends every receipt, each under the one Message-Id it was given, so a mailbox that dedupes holds one of each.
/// </summary>
public sealed class MailCrashTests : AppProcessTest
{
    private const int Receipts = 120;
    private readonly MailServer _server = MailServer.FromEnvironment();

    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_server.Settings.ToDictionary(s => s.Key, s => s.Value!));

    [Fact]
    public async Task A_server_killed_while_sending_receipts_sends_each_one_under_its_own_message_id_after_the_restart()
    {
        await App.KillAsync(); // the payments are made while nothing sends, so the kill lands in the middle of sending them
        var merchant = await Harness.NewMerchantAsync("Crashing Crockery");
        var link = (await Harness.Links.CreateAsync(merchant, new LinkSettings
        {
            Title = "Teapot", Amount = 30m, Currency = "EUR", CustomerDetails = new CustomerDetails(DetailMode.Required),
        }, publish: true)).Value;
        var customers = Enumerable.Range(0, Receipts).Select(_ => MailServer.NewAddress()).ToList();
        foreach (var customer in customers)
        {
            var started = (await Harness.Payments.StartAsync(link.PublicId, answers: new CheckoutAnswers { Email = customer })).Value;
            Assert.True((await Harness.Payments.CompleteAsync(started.Id)).IsSuccess);
        }

        await App.StartAsync();
        await Poll.UntilAsync(async () => await SentAsync() >= 10, "the first receipts sent", seconds: 30);
        await App.KillAsync();
        var sentBeforeKill = await SentAsync();
        Assert.InRange(sentBeforeKill, 10, Receipts - 1);

        await App.StartAsync();
        await Poll.UntilAsync(async () => await SentAsync() == Receipts, "every receipt sent after the restart", seconds: 60);

        await using var db = Harness.NewContext();
        var expected = await db.OutgoingMail.Where(m => m.Kind == MailKind.Receipt).ToDictionaryAsync(m => m.Address, m => m.MessageId("paymentlinks.localhost"));
        var received = new List<string?>();
        foreach (var customer in customers)
        {
            var messages = await _server.WaitForAsync(customer);
            Assert.All(messages, m => Assert.Equal(expected[customer], m.MessageId));
            received.AddRange(messages.Select(m => m.MessageId));
        }
        Assert.Equal(Receipts, received.Distinct().Count());
        // Only what was in flight at the kill can have gone twice (under its own id): at most one batch.
        Assert.InRange(received.Count, Receipts, Receipts + 20);
    }

    private async Task<int> SentAsync()
    {
        await using var db = Harness.NewContext();
        return await db.OutgoingMail.CountAsync(m => m.Kind == MailKind.Receipt && m.Status == MailStatus.Sent);
    }
}
