using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Events;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Infrastructure.Tests.Services;

/// <summary>
/// What open views hear is read from what each write saved, once it has committed: one notification per link and
/// transaction, saying which parts changed and the version after. A refused write announces nothing. Notifications
/// are published before the write returns, so "nothing was heard" is checked right after it, with no waiting.
/// </summary>
public sealed class ChangeNotificationTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();
    private readonly List<LinkChanged> _heard = [];
    private MerchantCaller _merchant = default!;

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _merchant = await _harness.NewMerchantAsync();
        _harness.Services.GetRequiredService<InProcessLinkEvents>().Published += change =>
        {
            lock (_heard)
                _heard.Add(change);
        };
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Creating_editing_and_disabling_each_announce_their_part_with_the_new_version()
    {
        var link = await _harness.ActiveLinkAsync(_merchant);
        var edited = (await _harness.Links.EditAsync(_merchant, link.Id, link.Settings with { Title = "Renamed" }, link.Version)).Value;
        var disabled = (await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Disable)).Value;

        Assert.Equal(
            [(LinkChangeKind.Created, link.Version), (LinkChangeKind.Edited, edited.Version), (LinkChangeKind.StatusChanged, disabled.Version)],
            Heard(link.Id));
    }

    [Fact]
    public async Task A_refused_change_and_a_refused_payment_announce_nothing()
    {
        var link = await _harness.ActiveLinkAsync(_merchant);
        await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Disable);
        var before = Heard(link.Id).Count;

        Assert.False((await _harness.Links.ApplyAsync(_merchant, link.Id, LinkTrigger.Publish)).IsSuccess);
        Assert.False((await _harness.Payments.StartAsync(link.PublicId)).IsSuccess);
        Assert.False((await _harness.Links.EditAsync(_merchant, link.Id, link.Settings with { Title = "Stale" }, link.Version)).IsSuccess);

        Assert.Equal(before, Heard(link.Id).Count);
    }

    [Fact]
    public async Task The_payment_that_uses_a_link_up_is_one_notification_of_both_parts()
    {
        var link = await _harness.ActiveLinkAsync(_merchant, maxUsages: 1);
        var attempt = (await _harness.Payments.StartAsync(link.PublicId)).Value;
        await _harness.Payments.CompleteAsync(attempt.Id);

        var used = (await _harness.Links.GetAsync(_merchant, link.Id)).Value;
        Assert.Equal(LinkStatus.Used, used.Status);
        Assert.Equal(
            [(LinkChangeKind.Created, link.Version), (LinkChangeKind.PaymentStarted, link.Version),
             (LinkChangeKind.StatusChanged | LinkChangeKind.PaymentFinished, used.Version)],
            Heard(link.Id));
    }

    private List<(LinkChangeKind, int)> Heard(Guid linkId)
    {
        lock (_heard)
            return _heard.Where(c => c.LinkId == linkId).Select(c => (c.Kind, c.Version)).ToList();
    }
}
