using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>A link's configuration: reading it as <see cref="LinkSettings"/>, and changing it under <see cref="EditRules"/>.</summary>
public sealed partial class PaymentLink
{
    /// <summary>Changes the configuration, following <see cref="EditRules"/>: what may change in which state.</summary>
    public Result Edit(LinkSettings settings, DateTimeOffset now, Actor actor)
    {
        CatchUpWithClock(now);
        settings = settings.Normalized();
        if (Status.IsTerminal())
            return new Problem(LinkProblems.TerminalNotEditable,
                $"The link is {Status.ToDisplayName()}, a terminal state: it can no longer be edited. Duplicate it to make a new link.", Status)
                .As(RefusalCodes.InvalidTransition);

        var errors = settings.Validate().ToList();
        var current = CurrentSettings();
        foreach (var (field, rule) in EditRules.ByField)
        {
            if (errors.All(e => e.Field != field) && EditProblem(rule, field, current, settings, now) is { } problem)
                errors.Add(problem.At(field));
        }
        if (errors.Count > 0)
            return Refusal.Invalid(errors);

        ApplySettings(settings);
        Touch(now);
        // Lowering the limit to the usage count already reached ends the link, like a last payment would.
        if (Status == LinkStatus.Active && Usages >= MaxUsages)
            Move(LinkTrigger.UsageLimitReached, now, actor, now);
        return Result.Ok;
    }

    /// <summary>Why <paramref name="rule"/> forbids this change of <paramref name="field"/> now, or null.</summary>
    private Problem? EditProblem(EditRule rule, string field, LinkSettings current, LinkSettings proposed, DateTimeOffset now) => rule switch
    {
        EditRule.UntilFirstPublished when FirstPublishedAt is not null && current.Differs(field, proposed) =>
            new(LinkProblems.FixedOncePublished, $"{EditRules.NameOf(field)} cannot change once the link has been published.", EditRules.NameOf(field)),
        EditRule.FutureOrNone when Status.CanExpire()
            && proposed.ExpiresAt is { } expiry && expiry <= now && current.Differs(field, proposed) =>
            new(LinkProblems.ExpiryNotFuture, "Expiry of a published link can only move to a future time, or be removed."),
        EditRule.NotBelowUsages when proposed.MaxUsages < Usages =>
            new(LinkProblems.MaxUsagesBelowUsages, $"Max usages cannot be below the {Usages} payments already completed.", Usages),
        _ => null,
    };

    private void ApplySettings(LinkSettings settings)
    {
        Title = settings.Title;
        Description = settings.Description;
        Currency = settings.Currency;
        AmountMinor = Currencies.ToMinorUnits(settings.Amount, settings.Currency);
        MaxUsages = settings.MaxUsages;
        ExpiresAt = settings.ExpiresAt;
        RedirectUrl = settings.RedirectUrl;
        DisabledMessage = settings.DisabledMessage;
        CustomerChoosesAmount = settings.CustomerChoosesAmount;
        SuggestedAmountMinor = settings.SuggestedAmount is { } suggested ? Currencies.ToMinorUnits(suggested, settings.Currency) : null;
        MaximumAmountMinor = settings.MaximumAmount is { } maximum ? Currencies.ToMinorUnits(maximum, settings.Currency) : null;
        MaxQuantity = settings.MaxQuantity;
        CustomerDetails = settings.CustomerDetails;
        CustomFields = settings.CustomFields;
        CheckoutLanguage = settings.CheckoutLanguage;
    }

    /// <summary>The most a customer may choose to pay (see <see cref="LinkSettings.HighestChosenAmount"/>), read on every pay post.</summary>
    public decimal HighestChosenAmount =>
        LinkSettings.HighestChosen(Amount, MaximumAmountMinor is { } maximum ? Currencies.FromMinorUnits(maximum, Currency) : null);

    public LinkSettings CurrentSettings() => new()
    {
        Title = Title,
        Description = Description,
        Amount = Amount,
        Currency = Currency,
        MaxUsages = MaxUsages,
        ExpiresAt = ExpiresAt,
        RedirectUrl = RedirectUrl,
        DisabledMessage = DisabledMessage,
        CustomerChoosesAmount = CustomerChoosesAmount,
        SuggestedAmount = SuggestedAmountMinor is { } suggested ? Currencies.FromMinorUnits(suggested, Currency) : null,
        MaximumAmount = MaximumAmountMinor is { } maximum ? Currencies.FromMinorUnits(maximum, Currency) : null,
        MaxQuantity = MaxQuantity,
        CustomerDetails = CustomerDetails,
        CustomFields = CustomFields,
        CheckoutLanguage = CheckoutLanguage,
    };
}
