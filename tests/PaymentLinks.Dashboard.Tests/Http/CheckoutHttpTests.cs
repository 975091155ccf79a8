using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;

namespace PaymentLinks.Dashboard.Tests.Http;

public sealed class CheckoutHttpTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();
    private HttpClient _http = default!;

    public Task InitializeAsync()
    {
        _http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_draft_and_an_unknown_id_get_the_very_same_404_response()
    {
        var merchant = await _app.NewMerchantAsync("Secret Drafts");
        var draft = (await _app.Links.CreateAsync(merchant, new LinkSettings { Title = "Unreleased album", Amount = 9m, Currency = "EUR" }, publish: false)).Value;

        var onDraft = await _http.GetAsync($"/pay/{draft.PublicId}");
        var onUnknown = await _http.GetAsync("/pay/pl_AAAAAAAAAAAAAAAAAAAA");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (onDraft.StatusCode, onUnknown.StatusCode));
        Assert.Equal(await onUnknown.Content.ReadAsStringAsync(), await onDraft.Content.ReadAsStringAsync());
        Assert.Equal(Headers(onUnknown), Headers(onDraft));
        Assert.DoesNotContain("Secret Drafts", await onDraft.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_checkout_token_this_browser_was_not_given_is_refused_and_starts_nothing()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Minted Tokens"), maxUsages: 5);
        var script = new CheckoutCustomer(_app);

        var minted = await script.PostPayFormToAsync(link.PublicId, $"/pay/{link.PublicId}", new() { ["checkout_token"] = new string('a', 32) });

        Assert.Equal(HttpStatusCode.BadRequest, minted.Status);
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.PaymentAttempts.CountAsync());
    }

    [Fact]
    public async Task Only_the_browser_that_started_a_payment_can_see_its_bank_step_or_answer_it()
    {
        var link = await _app.ActiveLinkAsync(await _app.NewMerchantAsync("Bound Banking"), maxUsages: 5);
        var customer = new CheckoutCustomer(_app);
        var stranger = new CheckoutCustomer(_app);
        var bank = await customer.StartAsync(link.PublicId);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(bank)).StatusCode);
        var approved = await stranger.PostPayFormToAsync(link.PublicId, $"{bank}/approve");
        var declined = await stranger.PostPayFormToAsync(link.PublicId, $"{bank}/decline");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (approved.Status, declined.Status));
        await using var db = _app.NewContext();
        Assert.Equal(PaymentStatus.Pending, (await db.PaymentAttempts.SingleAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(bank)).StatusCode);
    }

    [Fact]
    public async Task Paying_without_the_antiforgery_token_is_refused_and_starts_nothing()
    {
        var merchant = await _app.NewMerchantAsync("Guarded Goods");
        var link = await _app.ActiveLinkAsync(merchant, maxUsages: 5);

        var forged = await _http.PostAsync($"/pay/{link.PublicId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["checkout_token"] = new string('a', 32),
        }));

        // A body that is not even a readable form gets the same page, not a server error.
        var broken = new StringContent("--zz\r\nbroken", System.Text.Encoding.ASCII);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zz");
        var garbled = await _http.PostAsync($"/pay/{link.PublicId}", broken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Please start again", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("Please start again", await garbled.Content.ReadAsStringAsync());
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.PaymentAttempts.CountAsync());
    }

    [Fact]
    public async Task A_payment_is_only_reachable_through_its_own_links_url()
    {
        var merchant = await _app.NewMerchantAsync("Two Links Ltd");
        var first = await _app.ActiveLinkAsync(merchant, maxUsages: 5);
        var second = await _app.ActiveLinkAsync(merchant, maxUsages: 5);
        var customer = new CheckoutCustomer(_app);
        var bank = await customer.StartAsync(first.PublicId);

        var viaOther = await customer.GetAsync(bank.Replace(first.PublicId, second.PublicId));
        var viaOwn = await customer.GetAsync(bank);

        Assert.Equal(HttpStatusCode.NotFound, viaOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaOwn.StatusCode);
    }

    [Fact]
    public async Task Approving_redirects_only_to_the_stored_url_with_the_payment_outcome_and_a_signature_a_forgery_lacks()
    {
        var merchant = await _app.NewMerchantAsync("Redirecting Records");
        var link = await _app.ActiveLinkAsync(merchant, maxUsages: 5, redirectUrl: "https://records.example/thanks?order=7");
        var customer = new CheckoutCustomer(_app);

        var location = await customer.PayUntilRedirectAsync(link.PublicId);

        await using var db = _app.NewContext();
        var payment = await db.PaymentAttempts.SingleAsync(a => a.LinkId == link.Id);
        var secret = (await db.Merchants.SingleAsync(m => m.Id == merchant.MerchantId)).ReturnSecret;
        var signature = ReturnSignature.Sign(secret, payment.Id, "completed");
        Assert.Equal($"https://records.example/thanks?order=7&payment_id={payment.Id}&status=completed&signature={signature}", location);
        Assert.Matches("^[0-9a-f]{64}$", signature);

        // The documented check tells a hand-typed return apart: another payment, another status, or a made-up signature.
        Assert.True(ReturnSignature.Verify(secret, payment.Id, "completed", signature));
        Assert.False(ReturnSignature.Verify(secret, Guid.NewGuid(), "completed", signature));
        Assert.False(ReturnSignature.Verify(secret, payment.Id, "failed", signature));
        Assert.False(ReturnSignature.Verify(secret, payment.Id, "completed", new string('0', 64)));
        Assert.False(ReturnSignature.Verify(ReturnSignature.NewSecret(), payment.Id, "completed", signature));
    }

    [Fact]
    public async Task A_redirect_url_with_non_ascii_characters_is_stored_in_ascii_and_the_paid_customer_is_sent_there()
    {
        await using var app = new DashboardApp();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = app.ServeOnRealSocket() };
        var merchant = await app.NewMerchantAsync("Café Crème");
        var link = await app.ActiveLinkAsync(merchant, maxUsages: 5, redirectUrl: "https://café.example/merci-café?table=é");

        var location = await new CheckoutCustomer(browser).PayUntilRedirectAsync(link.PublicId);

        Assert.Equal("https://xn--caf-dma.example/merci-caf%C3%A9?table=%C3%A9", (await app.Links.GetAsync(merchant, link.PublicId)).Value.Settings.RedirectUrl);
        Assert.StartsWith("https://xn--caf-dma.example/merci-caf%C3%A9?table=%C3%A9&payment_id=", new Uri(location).AbsoluteUri);
        await using var db = app.NewContext();
        Assert.Equal(PaymentLinks.Domain.Payments.PaymentStatus.Completed, (await db.PaymentAttempts.SingleAsync()).Status);
    }

    private static string Headers(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date").OrderBy(h => h.Key).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        var forged = await _http.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
