using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Mail;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Mail;

/// <summary>The mail outbox against the run's real SMTP server: written with its cause, sent once, retried, refused, on both databases.</summary>
public sealed class MailDeliveryTests : IAsyncLifetime
{
    private readonly MailServer _server = MailServer.FromEnvironment();
    private readonly ServiceHarness _harness;
    private MailShop _shop = default!;

    public MailDeliveryTests() => _harness = new ServiceHarness(settings: _server.Settings);

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _shop = await MailShop.OpenAsync(_harness);
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_completed_payment_writes_its_receipt_and_its_notice_in_its_own_save_and_a_payment_without_email_no_receipt()
    {
        var link = await _shop.LinkAsync();
        var customer = MailServer.NewAddress();

        var paid = await _shop.PayAsync(link, customer);
        var unpaid = (await _harness.Payments.StartAsync(link.PublicId, answers: new CheckoutAnswers { Email = MailServer.NewAddress() })).Value;

        await using var db = _harness.NewContext();
        var receipt = await db.OutgoingMail.SingleAsync(m => m.Kind == MailKind.Receipt);
        Assert.Equal((customer, paid.Id, MailStatus.Pending), (receipt.Address, receipt.SubjectId, receipt.Status));
        var notice = await db.OutgoingMail.SingleAsync(m => m.Kind == MailKind.NewPayment);
        Assert.Equal((MailStatus.Announced, paid.Id), (notice.Status, notice.SubjectId));
        Assert.DoesNotContain(await db.OutgoingMail.ToListAsync(), m => m.SubjectId == unpaid.Id);
    }

    [Fact]
    public async Task The_receipt_arrives_with_the_amount_the_merchant_and_the_answers_as_html_and_text_under_a_stable_message_id()
    {
        var link = await _shop.LinkAsync("Mango crate <b>XL</b>");
        var customer = MailServer.NewAddress();
        var paid = await _shop.PayAsync(link, customer, name: "Ada <script>alert(1)</script>");

        await _shop.DeliverAsync();

        var message = Assert.Single(await _server.WaitForAsync(customer));
        Assert.Equal("Your receipt from Mailing Mangoes: EUR\u00A049.90", message.Subject);
        Assert.Contains("Mango crate <b>XL</b>", message.TextBody);
        Assert.Contains(paid.Id.ToString(), message.TextBody);
        Assert.Contains("Mango crate &lt;b&gt;XL&lt;/b&gt;", message.HtmlBody);
        Assert.Contains("Ada &lt;script&gt;", message.HtmlBody);
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Equal(_shop.OwnerEmail, Assert.IsType<MailboxAddress>(Assert.Single(message.ReplyTo)).Address);
        Assert.Equal(("Mailing Mangoes", "no-reply@paymentlinks.localhost"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.DoesNotContain(message.Headers, h => h.Id == HeaderId.ListUnsubscribe); // a receipt is transactional

        await using var db = _harness.NewContext();
        var sent = await db.OutgoingMail.SingleAsync(m => m.Kind == MailKind.Receipt);
        Assert.Equal(sent.MessageId("paymentlinks.localhost"), message.MessageId);
        var again = await ComposeAsync(sent);
        Assert.Equal((message.MessageId, message.Date), (again.MessageId, again.Date));
    }

    [Fact]
    public async Task A_refund_mails_the_customer_how_much_comes_back()
    {
        var customer = MailServer.NewAddress();
        var paid = await _shop.PayAsync(await _shop.LinkAsync(), customer);
        await _harness.Services.GetRequiredService<RefundService>().RefundAsync(_shop.Merchant, paid.Id, 9.90m, RefundReason.RequestedByCustomer);

        await _shop.DeliverAsync();

        var refund = (await _server.WaitForAsync(customer, count: 2)).Single(m => m.Subject?.Contains("refunded") == true);
        Assert.Equal("Mailing Mangoes refunded EUR\u00A09.90", refund.Subject);
        Assert.Contains("Of a payment of: EUR\u00A049.90", refund.TextBody);
    }

    [Fact]
    public async Task With_the_server_down_a_message_waits_and_retries_and_goes_out_once_it_is_back()
    {
        var customer = MailServer.NewAddress();
        await _shop.PayAsync(await _shop.LinkAsync(), customer);
        await using (var down = new ServiceHarness(database: _harness.Database, settings: new Dictionary<string, string?>(_server.Settings)
               { ["Email:Smtp:Port"] = LocalMachine.FreePort().ToString() }))
        {
            Assert.Equal(1, await down.Services.GetRequiredService<MailWorker>().SendDueAsync());
        }
        var log = await LogAsync();
        var waiting = Assert.Single(log, e => e.Kind == MailKind.Receipt);
        Assert.Equal((MailLogState.Retrying, 1), (waiting.State, waiting.Attempts));
        Assert.StartsWith("Could not reach", waiting.LastAnswer);
        Assert.Empty(await _server.ReceivedByAsync(customer));

        await Poll.UntilAsync(async () => await _shop.Worker.SendDueAsync() > 0, "the retry falls due");

        Assert.Single(await _server.WaitForAsync(customer));
        var sent = (await LogAsync()).Single(e => e.Kind == MailKind.Receipt);
        Assert.Equal((MailLogState.Sent, 2), (sent.State, sent.Attempts));
        Assert.Equal("Mail accepted", sent.LastAnswer); // smtp4dev's words
    }

    [Fact]
    public async Task A_permanent_refusal_stops_the_retries_of_that_message_and_the_log_shows_the_servers_answer()
    {
        var refused = MailServer.NewAddress("refused");
        await _shop.PayAsync(await _shop.LinkAsync(), refused);

        await _shop.DeliverAsync();

        var failed = (await LogAsync()).Single(e => e.Kind == MailKind.Receipt);
        Assert.Equal((MailLogState.Failed, null), (failed.State, failed.NextAttemptAt));
        Assert.StartsWith("550", failed.LastAnswer);
        Assert.Equal(0, await _shop.Worker.SendDueAsync());
    }

    [Fact]
    public async Task Two_instances_sending_at_once_send_every_message_exactly_once()
    {
        var link = await _shop.LinkAsync();
        var customers = Enumerable.Range(0, 30).Select(_ => MailServer.NewAddress()).ToList();
        foreach (var customer in customers)
            await _shop.PayAsync(link, customer);
        await using var other = new ServiceHarness(database: _harness.Database, settings: _server.Settings);
        var workers = new[] { _shop.Worker, other.Services.GetRequiredService<MailWorker>() };

        await AtOnce.RunAsync(workers.Select<MailWorker, Func<Task<int>>>(worker => async () =>
        {
            var sent = 0;
            for (int round; (round = await worker.SendDueAsync()) > 0;)
                sent += round;
            return sent;
        }));

        foreach (var customer in customers)
            Assert.Single(await _server.WaitForAsync(customer));
        await using var db = _harness.NewContext();
        Assert.All(await db.OutgoingMail.Where(m => m.Kind == MailKind.Receipt).ToListAsync(), m => Assert.Equal((MailStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task Without_an_smtp_host_the_receipt_is_an_eml_file_in_the_pickup_folder()
    {
        var customer = MailServer.NewAddress();
        await _shop.PayAsync(await _shop.LinkAsync(), customer);
        await using var local = new ServiceHarness(database: _harness.Database);

        Assert.Equal(1, await local.Services.GetRequiredService<MailWorker>().SendDueAsync());

        var file = Assert.Single(Directory.GetFiles(Path.Combine(local.ContentRoot, "data", "mail"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(customer, Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Contains("EUR&#xA0;49.90", message.HtmlBody);
        Assert.Equal($"Written to the pickup folder as {Path.GetFileName(file)}", (await LogAsync()).Single().LastAnswer);
    }

    [Fact]
    public async Task A_message_that_fails_on_our_side_is_recorded_as_an_attempt_and_retried_not_left_claimed()
    {
        await _shop.PayAsync(await _shop.LinkAsync(), MailServer.NewAddress());
        var notAFolder = Path.Combine(_harness.ContentRoot, "a-file");
        await File.WriteAllTextAsync(notAFolder, "");
        await using var broken = new ServiceHarness(database: _harness.Database, settings: new Dictionary<string, string?>
        {
            ["Email:PickupFolder"] = Path.Combine(notAFolder, "mail"),
        });

        Assert.Equal(1, await broken.Services.GetRequiredService<MailWorker>().SendDueAsync());

        var waiting = (await LogAsync()).Single(e => e.Kind == MailKind.Receipt);
        Assert.Equal((MailLogState.Retrying, 1), (waiting.State, waiting.Attempts));
        Assert.StartsWith("Not sent: ", waiting.LastAnswer);
    }

    private async Task<MimeMessage> ComposeAsync(OutgoingMail mail)
    {
        await using var db = _harness.NewContext();
        return (await _harness.Services.GetRequiredService<MailComposer>().ComposeAsync(db, mail, default)).Message!;
    }

    private Task<IReadOnlyList<MailLogEntry>> LogAsync() => _harness.Services.GetRequiredService<MailLog>().LatestAsync(_shop.Merchant.MerchantId);
}
