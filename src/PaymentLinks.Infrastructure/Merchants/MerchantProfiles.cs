using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Infrastructure.Merchants;

public sealed record MerchantProfile(Guid Id, string BusinessName, string TimeZoneId, string? CheckoutLanguage = null)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>A merchant's business name (shown to customers), time zone (dates in the dashboard) and customers' default language.</summary>
public sealed class MerchantProfiles(IDbContextFactory<AppDbContext> contexts, CheckoutLinkCache checkoutLinks, TimeProvider clock)
{
    public const string BusinessNameField = "business_name";
    public const string TimeZoneField = "time_zone";
    public const string CheckoutLanguageField = "checkout_language";

    public async Task<MerchantProfile?> GetAsync(Guid merchantId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Merchants.AsNoTracking().Where(m => m.Id == merchantId)
            .Select(m => new MerchantProfile(m.Id, m.BusinessName, m.TimeZoneId, m.CheckoutLanguage))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The secret that signs customers' returns to this merchant's redirect URLs.</summary>
    public async Task<string> ReturnSecretAsync(Guid merchantId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Merchants.AsNoTracking().Where(m => m.Id == merchantId).Select(m => m.ReturnSecret).FirstAsync(ct);
    }

    /// <summary>
    /// Replaces the return secret at once and answers the new one; null when the caller may not manage API keys in
    /// live mode: the one secret signs live returns too, so a Developer kept to test mode may not change it.
    /// </summary>
    public async Task<string?> RollReturnSecretAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller with { Livemode = true }, Permission.ManageApiKeys, clock.GetUtcNow(), ct) is not null)
            return null;
        var merchant = await db.Merchants.FirstAsync(m => m.Id == caller.MerchantId, ct);
        merchant.RollReturnSecret();
        await db.RecordAsync(caller, clock.GetUtcNow(), AuditKinds.BusinessChanged, caller.MerchantId, "Rolled the return signing secret.", modeless: true, ct: ct);
        await db.SaveChangesAsync(ct);
        return merchant.ReturnSecret;
    }

    /// <param name="checkoutLanguage">One of <see cref="CheckoutLanguages"/>, or null for English.</param>
    public async Task<Result<MerchantProfile>> UpdateAsync(
        MerchantCaller caller, string businessName, string timeZoneId, string? checkoutLanguage, CancellationToken ct = default)
    {
        var merchantId = caller.MerchantId;
        var errors = Validate(businessName, timeZoneId, checkoutLanguage);
        if (errors.Count > 0)
            return Refusal.Invalid(errors);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.RefusalAsync(caller, Permission.ManageBusiness, clock.GetUtcNow(), ct) is { } notAllowed)
            return notAllowed;
        var merchant = await db.Merchants.FirstOrDefaultAsync(m => m.Id == merchantId, ct);
        if (merchant is null)
            return Refusal.NotFound();
        var changes = AuditTrail.Differences(("business_name", merchant.BusinessName, businessName.Trim()), ("time_zone", merchant.TimeZoneId, timeZoneId),
            ("checkout_language", merchant.CheckoutLanguage ?? CheckoutLanguages.Default, checkoutLanguage ?? CheckoutLanguages.Default));
        merchant.UpdateProfile(businessName.Trim(), timeZoneId, checkoutLanguage);
        if (changes.Count > 0)
            await db.RecordAsync(caller, clock.GetUtcNow(), AuditKinds.BusinessChanged, merchantId, $"Changed the business's {string.Join(" and ", changes.Keys)}.",
                changes, modeless: true, ct: ct);
        await db.SaveChangesAsync(ct);
        checkoutLinks.ForgetMerchant(merchantId);
        return new MerchantProfile(merchant.Id, merchant.BusinessName, merchant.TimeZoneId, merchant.CheckoutLanguage);
    }

    public static IReadOnlyList<FieldError> Validate(string? businessName, string? timeZoneId, string? checkoutLanguage)
    {
        var errors = new List<FieldError>();
        var name = BusinessProblems.BusinessName;
        if (string.IsNullOrWhiteSpace(businessName))
            errors.Add(TextRules.Required(name).At(BusinessNameField));
        else if (businessName.Trim().Length > Merchant.BusinessNameMaxLength)
            errors.Add(TextRules.TooLong(name, Merchant.BusinessNameMaxLength).At(BusinessNameField));
        else if (TextRules.ProblemOf(businessName, name) is { } textError)
            errors.Add(textError.At(BusinessNameField));
        if (string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
            errors.Add(new Problem(BusinessProblems.TimeZoneNotListed, "Choose a time zone from the list.").At(TimeZoneField));
        if (checkoutLanguage is not null && !CheckoutLanguages.IsKnown(checkoutLanguage))
            errors.Add(new Problem(BusinessProblems.LanguageNotListed, "Choose a language from the list.").At(CheckoutLanguageField));
        return errors;
    }
}
