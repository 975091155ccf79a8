using Microsoft.EntityFrameworkCore;
using PaymentLinks.Dashboard.Tests.Providers;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;
using PaymentLinks.StripeFake;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Reliability;

/// <summary>
/// The app process killed with SIGKILL after it counted live payments and before Stripe confirmed their capture (or
/// the cancel of the one the link refused): started again, it captures and cancels each once, with the same keys.
/// </summary>
public sealed class StripeCrashTests : AppProcessTest
{
    private FakeStripe _stripe = default!;

    protected override async Task<IReadOnlyDictionary<string, string>> SettingsAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        return new Dictionary<string, string> { ["Stripe:ApiBase"] = _stripe.ApiBase };
    }

    [Fact]
    public async Task A_server_killed_after_counting_and_before_capturing_captures_and_cancels_each_payment_once_on_restart()
    {
        var live = await Harness.NewMerchantAsync("Crashing Cymbals") with { Livemode = true };
        await StripeShop.ConnectAsync(_stripe, Harness.Services, live, App.BaseAddress, "Crashing Cymbals");
        var link = (await Harness.Links.CreateAsync(live, new LinkSettings { Title = "Cymbal", Amount = 40m, Currency = "EUR", MaxUsages = 2 }, publish: true)).Value;
        var hostedPages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            hostedPages.Add((await StripeShopper.At(App.BaseAddress, _stripe).StartAsync(link.PublicId)).HostedPage!);
        }
        _stripe.FailNext(int.MaxValue / 2); // from here Stripe's API answers 503: no capture or cancel gets through

        foreach (var hostedPage in hostedPages)
            _stripe.Pay(StripeShopper.SessionIdOf(hostedPage)); // Stripe's events carry each authorization to the app
        await Poll.UntilAsync(async () =>
        {
            await using var db = Harness.NewContext();
            return await db.RailOperations.CountAsync(o => o.Status == RailOperationStatus.Pending && o.Attempts > 0) == 3;
        }, "two payments counted, one refused, and each capture or cancel tried and not confirmed", seconds: 30);
        Assert.Empty(_stripe.Movements);

        await App.KillAsync();
        _stripe.FailNext(0);
        await App.StartAsync();

        await Poll.UntilAsync(async () =>
        {
            await using var db = Harness.NewContext();
            return !await db.RailOperations.AnyAsync(o => o.Status == RailOperationStatus.Pending);
        }, "every capture and cancel confirmed after the restart", seconds: 60);
        await using var done = Harness.NewContext();
        var payments = await done.PaymentAttempts.AsNoTracking().Where(a => a.LinkId == link.Id).ToListAsync();
        Assert.Equal(2, payments.Count(p => p is { Status: PaymentStatus.Completed, CapturedAt: not null }));
        Assert.Equal(1, payments.Count(p => p is { Status: PaymentStatus.Failed, VoidedAt: not null }));
        Assert.Equal(2, _stripe.Captures.Count());
        Assert.Single(_stripe.Cancels);
        Assert.Equal(3, _stripe.Movements.Select(m => m.PaymentIntent).Distinct().Count());
        Assert.All(_stripe.Captures, c => Assert.Contains(payments, p => c.IdempotencyKey == $"capture_{p.Id:N}" && p.ProviderPaymentId == c.PaymentIntent));
        Assert.Equal(2, (await done.PaymentLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id)).Usages);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _stripe.DisposeAsync();
    }
}
