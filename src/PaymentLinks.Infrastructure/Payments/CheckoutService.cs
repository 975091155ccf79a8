using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Branding;
using PaymentLinks.Infrastructure.Expiry;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Payments;

/// <summary>
/// What a customer may see of a link: the merchant's business name and the link's public fields, and
/// when it cannot be paid, why. Nothing merchant-internal (ids, usage, history) is in it.
/// </summary>
public sealed record CheckoutView(
    Guid LinkId, string PublicId, string BusinessName, string Title, string? Description,
    decimal Amount, string Currency, string? RedirectUrl, string? DisabledMessage, Refusal? Unavailable)
{
    public bool CanPay => Unavailable is null;

    /// <summary>A live link takes real money; a test link pays through the sandbox bank, and its pages say so.</summary>
    public bool Livemode { get; init; }
    public Guid MerchantId { get; init; }

    /// <summary>The merchant's logo and accent colour.</summary>
    public BrandView Brand { get; init; } = BrandView.None(Guid.Empty);

    /// <summary>The merchant's time zone (IANA id): a receipt says when it was paid in the merchant's hours, as their records do.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>The language of the pages for a customer whose browser names none of the checkout's (null: English).</summary>
    public string? Language { get; init; }

    /// <summary>What the pay page asks of the customer, and how the amount is made.</summary>
    public CheckoutAsks Asks { get; init; } = new(false, null, 0, null, new CustomerDetails(), []);

    /// <summary>The merchant's return secret: used here to sign, never shown to the customer.</summary>
    internal string ReturnSecret { get; init; } = "";

    /// <summary>
    /// Where the customer goes back to after paying: only ever the stored redirect URL, with the payment, its
    /// outcome and their signature added (null when the link has none).
    /// </summary>
    public string? ReturnUrlFor(PaymentView payment)
    {
        if (RedirectUrl is null)
            return null;
        var status = payment.Status == PaymentStatus.Completed ? "completed" : "failed";
        var added = $"payment_id={payment.Id}&status={status}&signature={ReturnSignature.Sign(ReturnSecret, payment.Id, status)}";
        // In ASCII even for a link saved before redirect URLs were stored so: a Location header can carry nothing else,
        // and a completed payment must never end on an error page.
        var redirect = WebAddresses.Ascii(RedirectUrl);
        var fragment = redirect.IndexOf('#') is var hash and >= 0 ? redirect[hash..] : "";
        var address = redirect[..(redirect.Length - fragment.Length)];
        return $"{address}{(address.Contains('?') ? '&' : '?')}{added}{fragment}";
    }
}

/// <summary>A link's checkout options as the pay page needs them; <c>Amount</c> is the minimum when the customer chooses.</summary>
public sealed record CheckoutAsks(
    bool CustomerChoosesAmount, decimal? SuggestedAmount, decimal HighestAmount, int? MaxQuantity, CustomerDetails Details, IReadOnlyList<CustomField> Fields)
{
    public static CheckoutAsks Of(LinkSettings settings) => new(
        settings.CustomerChoosesAmount, settings.SuggestedAmount, settings.HighestChosenAmount, settings.MaxQuantity, settings.CustomerDetails,
        settings.CustomFields);
}

/// <summary>The customer's reading side of checkout; paying goes through <see cref="PaymentService"/>.</summary>
public sealed class CheckoutService(
    IDbContextFactory<AppDbContext> contexts, LinkExpiry expiry, TimeProvider clock, CheckoutViewCounts views,
    CheckoutLinkCache cache)
{
    /// <summary>
    /// The link behind a checkout URL, or null for an unknown id or a draft (never revealed). Opening a link
    /// past its deadline persists EXPIRED; opening a payable one counts a view for the merchant's funnel (in memory,
    /// see <see cref="CheckoutViewCounts"/>).
    /// </summary>
    /// <summary>The merchant's language for customers of this link, as cached for its pay page; nothing counted or expired.</summary>
    public async Task<string?> LanguageOfAsync(string publicId, CancellationToken ct = default) =>
        (await CachedAsync(publicId, ct))?.CheckoutLanguage;

    public async Task<CheckoutView?> OpenAsync(string publicId, bool countView, CancellationToken ct = default)
    {
        var view = await ReadAsync(publicId, ct);
        if (view is null)
            return null;
        if (view.Value.DueForExpiry)
            await expiry.ExpireAsync(view.Value.Checkout.LinkId, ct);
        else if (countView && view.Value.Checkout.CanPay)
            views.Count(view.Value.Checkout.LinkId, view.Value.MerchantId);
        return view.Value.Checkout;
    }

    private async Task<(CheckoutView Checkout, Guid MerchantId, bool DueForExpiry)?> ReadAsync(string publicId, CancellationToken ct)
    {
        if (await CachedAsync(publicId, ct) is not { } found)
            return null;
        var link = found.Link;
        var now = clock.GetUtcNow();
        var checkout = new CheckoutView(link.Id, link.PublicId, found.BusinessName, link.Title, link.Description,
            link.Amount, link.Currency, link.RedirectUrl, link.DisabledMessage, link.PaymentRefusal(now))
        {
            ReturnSecret = found.ReturnSecret,
            Livemode = link.Livemode,
            MerchantId = link.MerchantId,
            Brand = found.Brand,
            TimeZoneId = found.TimeZoneId,
            Language = found.CheckoutLanguage,
            Asks = CheckoutAsks.Of(link.CurrentSettings()),
        };
        return (checkout, link.MerchantId, link.IsDueForExpiry(now));
    }

    /// <summary>The link as the pay page reads it, from the cache or else the database; null for what cannot be a public id.</summary>
    private async Task<CheckoutData?> CachedAsync(string publicId, CancellationToken ct) =>
        PublicIds.LooksLikePublicId(publicId) ? await cache.GetAsync(publicId, () => ReadStoredAsync(publicId, ct)) : null;

    private async Task<CheckoutData?> ReadStoredAsync(string publicId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await db.PaymentLinks.AsNoTracking()
            .Where(l => l.PublicId == publicId && l.Status != LinkStatus.Draft)
            .Join(db.Merchants, l => l.MerchantId, m => m.Id, (link, merchant) => new
            {
                link, merchant.BusinessName, merchant.ReturnSecret, merchant.TimeZoneId,
                CheckoutLanguage = link.CheckoutLanguage ?? merchant.CheckoutLanguage, // the link's own, else the merchant's for customers
            })
            .Select(found => new
            {
                found.link, found.BusinessName, found.ReturnSecret, found.TimeZoneId, found.CheckoutLanguage,
                Brand = db.MerchantBrands.Where(b => b.MerchantId == found.link.MerchantId)
                    .Select(b => new { b.Accent, b.LogoVersion, HasLogo = b.Logo != null }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var merchantId = found.link.MerchantId;
        var brand = found.Brand is { } kept ? new BrandView(merchantId, kept.Accent, kept.LogoVersion, kept.HasLogo) : BrandView.None(merchantId);
        return new CheckoutData(found.link, found.BusinessName, found.ReturnSecret, brand, found.TimeZoneId, found.CheckoutLanguage);
    }
}
