using PaymentLinks.Domain.Common;

namespace PaymentLinks.Domain.Links;

/// <summary>
/// The payment-link aggregate. Every status change goes through <see cref="Move"/>, the only place a
/// status is assigned, and only along an arrow of <see cref="LinkLifecycle"/>.
/// </summary>
public sealed partial class PaymentLink
{
    private readonly List<LinkStatusChange> _history = [];

    private PaymentLink() { }

    public Guid Id { get; private set; }
    public string PublicId { get; private set; } = "";
    public Guid MerchantId { get; private set; }

    /// <summary>Which of the merchant's two worlds the link lives in: live takes real money, test pays through the sandbox bank.</summary>
    public bool Livemode { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public int MaxUsages { get; private set; }
    public int Usages { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public string? RedirectUrl { get; private set; }
    public string? DisabledMessage { get; private set; }
    public bool CustomerChoosesAmount { get; private set; }
    public long? SuggestedAmountMinor { get; private set; }
    public long? MaximumAmountMinor { get; private set; }
    public int? MaxQuantity { get; private set; }
    public CustomerDetails CustomerDetails { get; private set; } = new();
    public IReadOnlyList<CustomField> CustomFields { get; private set; } = [];
    public string? CheckoutLanguage { get; private set; }
    public LinkStatus Status { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public DateTimeOffset? FirstPublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>How many times customers opened the checkout page while the link was ACTIVE (the funnel's top).</summary>
    public int CheckoutViews { get; private set; }

    /// <summary>Application-managed concurrency version (SQLite cannot generate one); bumped on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<LinkStatusChange> History => _history;

    public decimal Amount => Currencies.FromMinorUnits(AmountMinor, Currency);

    public static Result<PaymentLink> Create(
        Guid merchantId, bool livemode, LinkSettings settings, bool publish, DateTimeOffset now, Actor actor)
    {
        settings = settings.Normalized();
        var errors = settings.Validate();
        if (errors.Count > 0)
            return Refusal.Invalid(errors);

        var link = new PaymentLink
        {
            Id = Guid.CreateVersion7(now),
            PublicId = PublicIds.New(),
            MerchantId = merchantId,
            Livemode = livemode,
            Status = LinkStatus.Draft,
            StatusChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        link.ApplySettings(settings);
        if (publish)
        {
            var published = link.Apply(LinkTrigger.Publish, now, actor);
            if (!published.IsSuccess)
                return published.Refusal;
        }
        return link;
    }

    /// <summary>
    /// A new draft with this link's configuration, titled "Copy of …" so that the two can be told apart: how a merchant
    /// carries on after a terminal state. An expiry already in the past is dropped, since the copy could never be
    /// published with it.
    /// </summary>
    public PaymentLink DuplicateAsDraft(DateTimeOffset now, Actor actor)
    {
        var title = $"Copy of {Title}";
        var settings = CurrentSettings() with
        {
            Title = title.Length > LinkSettings.TitleMaxLength ? title[..LinkSettings.TitleMaxLength] : title,
            ExpiresAt = ExpiresAt > now ? ExpiresAt : null,
        };
        return Create(MerchantId, Livemode, settings, publish: false, now, actor).Value;
    }

    /// <summary>The status anyone sees at <paramref name="now"/>: never ACTIVE or DISABLED after expires_at.</summary>
    public LinkStatus EffectiveStatus(DateTimeOffset now) => IsDueForExpiry(now) ? LinkStatus.Expired : Status;

    public DateTimeOffset EffectiveStatusChangedAt(DateTimeOffset now) =>
        IsDueForExpiry(now) ? ExpiresAt!.Value : StatusChangedAt;

    /// <summary>True when the stored row still says ACTIVE/DISABLED although its deadline has passed.</summary>
    public bool IsDueForExpiry(DateTimeOffset now) =>
        Status.CanExpire() && ExpiresAt is { } expiry && expiry <= now;

    /// <summary>Persists an expiry the clock has already decided, dated at the deadline. True if it changed.</summary>
    public bool CatchUpWithClock(DateTimeOffset now)
    {
        if (!IsDueForExpiry(now))
            return false;
        Move(LinkTrigger.DeadlinePassed, ExpiresAt!.Value, Actor.Clock, now);
        return true;
    }

    /// <summary>
    /// A merchant action (publish, unpublish, disable, enable, archive, expire now).
    /// Returns true when the status changed, false for the no-op of asking for the current state.
    /// </summary>
    public Result<bool> Apply(LinkTrigger action, DateTimeOffset now, Actor actor)
    {
        if (!action.IsMerchantAction())
            throw new ArgumentException($"{action} is an event, not a merchant action.", nameof(action));

        CatchUpWithClock(now);
        var target = LinkLifecycle.TargetOf(action);
        if (Status == target)
            return false;
        if (Status.IsTerminal())
            return TerminalRefusal(target);
        if (!LinkLifecycle.TryMove(Status, action, out _))
            return TransitionRefusal(target, new(LinkProblems.MoveNotAllowed,
                $"A {Status.ToDisplayName()} link cannot be moved to {target.ToDisplayName()} by {ActionName(action)}.", Status, target));
        if (action == LinkTrigger.Publish && ExpiresAt is { } expiry && expiry <= now)
            return TransitionRefusal(target, new(LinkProblems.PublishExpired, "Cannot publish: expires_at is in the past. Set a future expiry or remove it first."));

        Move(action, now, actor, now);
        if (action == LinkTrigger.Publish)
            FirstPublishedAt ??= now;
        return true;
    }

    /// <summary>
    /// Asks for a state rather than an action (the API's <c>{"status": "DISABLED"}</c>): finds the merchant
    /// action whose arrow leads there from the current state. USED is reached by payments only.
    /// </summary>
    public Result<bool> MoveTo(LinkStatus target, DateTimeOffset now, Actor actor)
    {
        CatchUpWithClock(now);
        if (Status == target)
            return false;
        if (Status.IsTerminal())
            return TerminalRefusal(target);
        foreach (var action in LinkTriggerExtensions.MerchantActions)
        {
            if (LinkLifecycle.TryMove(Status, action, out var to) && to == target)
                return Apply(action, now, actor);
        }
        return TransitionRefusal(target, target == LinkStatus.Used
            ? new(LinkProblems.UsedOnlyByPayments, "A link becomes USED only when completed payments reach max_usages.")
            : new(LinkProblems.MoveNotAllowed, $"A {Status.ToDisplayName()} link cannot be moved to {target.ToDisplayName()}.", Status, target));
    }

    private void Move(LinkTrigger trigger, DateTimeOffset at, Actor actor, DateTimeOffset now)
    {
        if (!LinkLifecycle.TryMove(Status, trigger, out var to))
            throw new InvalidOperationException($"No move from {Status} on {trigger}.");
        _history.Add(new LinkStatusChange(Id, Status, to, at, actor));
        Status = to;
        StatusChangedAt = at;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private Refusal TerminalRefusal(LinkStatus target) => TransitionRefusal(target, new(LinkProblems.Terminal,
        $"The link is {Status.ToDisplayName()}, a terminal state: nothing can change it. Duplicate it to accept payments with a new link.", Status));

    private Refusal TransitionRefusal(LinkStatus target, Problem problem) =>
        problem.As(RefusalCodes.InvalidTransition) with { From = Status.ToDisplayName(), To = target.ToDisplayName() };

    private static string ActionName(LinkTrigger action) => action switch
    {
        LinkTrigger.ExpireNow => "expire now",
        _ => action.ToString().ToLowerInvariant(),
    };
}
