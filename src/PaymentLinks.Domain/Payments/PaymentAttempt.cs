using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Payments;

public enum PaymentStatus
{
    Pending,
    Completed,
    Failed,
}

/// <summary>Where a payment's customer authorizes and its money moves: the sandbox bank, or the merchant's Stripe account.</summary>
public enum PaymentProvider
{
    Sandbox,
    Stripe,
}

/// <summary>
/// A customer's attempt to pay a link. It starts PENDING (the customer is at the rail's step, the sandbox bank's or a
/// provider's, which does not count as a usage) and ends exactly once, COMPLETED or FAILED. The rail's approval is an
/// authorization, not yet money taken: the attempt completes only if its link counts it at that instant, and only a
/// completed payment is then captured; one the link could no longer take is voided, so its customer pays nothing.
/// A completed payment may then be refunded, in parts, never beyond what was paid; it stays COMPLETED (usage counts
/// completed payments), and shows as partially refunded or refunded.
/// </summary>
public sealed class PaymentAttempt
{
    public const int FailureReasonMaxLength = 64;
    public const int CheckoutTokenMaxLength = 64;
    public const int ProviderIdMaxLength = 255;

    /// <summary>How long an attempt may stay at the bank step; after that it can only fail, and housekeeping removes it.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(1);

    private PaymentAttempt() { }

    public Guid Id { get; private set; }
    public Guid LinkId { get; private set; }

    /// <summary>Its link's mode, kept with it: a test payment never counts in live figures, and it says which rail it went through.</summary>
    public bool Livemode { get; private set; }
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public PaymentStatus Status { get; private set; }
    public string? FailureReason { get; private set; }

    /// <summary>The one-time token of the checkout page that started it: a re-submitted form finds this attempt again.</summary>
    public string? CheckoutToken { get; private set; }

    /// <summary>The language the customer paid in (a culture name, such as "pt-BR"): their receipt and refund notice speak it.</summary>
    public string? Language { get; private set; }
    public const int LanguageMaxLength = 16;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Units bought; 1 unless the link lets the customer choose. Whatever the quantity, one payment is one usage.</summary>
    public int Quantity { get; private set; } = 1;
    public string? CustomerEmail { get; private set; }
    public string? CustomerName { get; private set; }
    public string? CustomerPhone { get; private set; }
    public IReadOnlyList<FieldAnswer> Answers { get; private set; } = [];

    /// <summary>The rail it goes through, chosen when the customer is sent to authorize.</summary>
    public PaymentProvider Provider { get; private set; }

    /// <summary>The provider's session the customer was sent to (a Stripe Checkout Session), and the payment it authorized (a PaymentIntent).</summary>
    public string? ProviderSessionId { get; private set; }
    public string? ProviderPaymentId { get; private set; }

    /// <summary>When the rail authorized the payment; null while the customer has not approved, or when the rail declined.</summary>
    public DateTimeOffset? AuthorizedAt { get; private set; }

    /// <summary>When the customer asked the rail to confirm later (the sandbox bank's "approve later"): the payment is confirming.</summary>
    public DateTimeOffset? ConfirmationRequestedAt { get; private set; }

    /// <summary>When the rail confirmed the capture of a completed payment, or the void of one the link refused.</summary>
    public DateTimeOffset? CapturedAt { get; private set; }
    public DateTimeOffset? VoidedAt { get; private set; }

    /// <summary>What has been refunded so far (pending refunds included), in minor units.</summary>
    public long RefundedMinor { get; private set; }

    public decimal Amount => Currencies.FromMinorUnits(AmountMinor, Currency);

    public decimal RefundedAmount => Currencies.FromMinorUnits(RefundedMinor, Currency);

    /// <summary>What a merchant sees: a completed payment with refunds shows as partially refunded or refunded.</summary>
    /// <remarks>A confirming payment (<see cref="ConfirmationRequestedAt"/>) is still pending: the rail has not answered.</remarks>
    public PaymentState State => Status switch
    {
        PaymentStatus.Completed when RefundedMinor >= AmountMinor && RefundedMinor > 0 => PaymentState.Refunded,
        PaymentStatus.Completed when RefundedMinor > 0 => PaymentState.PartiallyRefunded,
        PaymentStatus.Completed => PaymentState.Completed,
        PaymentStatus.Failed => PaymentState.Failed,
        _ => PaymentState.Pending,
    };

    /// <summary>Money the rail holds for this payment that it must still take (a completed payment) or release (a refused one).</summary>
    public bool AwaitsCapture => Status == PaymentStatus.Completed && CapturedAt is null;
    public bool AwaitsVoid => Status == PaymentStatus.Failed && AuthorizedAt is not null && VoidedAt is null;

    public static PaymentAttempt Start(PaymentLink link, Order order, DateTimeOffset now, string? checkoutToken = null, string? language = null)
    {
        var attempt = new PaymentAttempt
        {
            CheckoutToken = checkoutToken,
            Id = Guid.CreateVersion7(now),
            LinkId = link.Id,
            Livemode = link.Livemode,
            Currency = link.Currency,
            Status = PaymentStatus.Pending,
            CreatedAt = now,
        };
        attempt.Take(order, language);
        return attempt;
    }

    /// <summary>
    /// A customer who went back from the bank step and sent the pay form again with other choices: nothing
    /// has been charged yet, so the attempt now stands for the new order, in the language of that form when it names one.
    /// </summary>
    public void Take(Order order, string? language = null)
    {
        EnsurePending();
        if (language is { Length: > 0 and <= LanguageMaxLength })
            Language = language;
        Quantity = order.Quantity;
        AmountMinor = order.AmountMinor;
        CustomerEmail = order.Email;
        CustomerName = order.Name;
        CustomerPhone = order.Phone;
        Answers = order.Answers;
    }

    public bool IsFinished => Status != PaymentStatus.Pending;

    public bool IsAbandoned(DateTimeOffset now) => !IsFinished && now - CreatedAt > PendingLifetime;

    /// <summary>Whether the browser holding <paramref name="checkoutToken"/> started this attempt.</summary>
    public bool WasStartedWith(string? checkoutToken) => Secrets.AreEqual(CheckoutToken, checkoutToken);

    /// <summary>The customer is sent to <paramref name="provider"/>'s page for <paramref name="sessionId"/>; a later session replaces an earlier one.</summary>
    public void SentTo(PaymentProvider provider, string sessionId)
    {
        EnsurePending();
        Provider = provider;
        ProviderSessionId = sessionId;
    }

    /// <summary>The provider says which of its payments the customer authorized: the one to capture or void.</summary>
    public void AuthorizedAs(string providerPaymentId) => ProviderPaymentId ??= providerPaymentId;

    /// <summary>The customer chose to have the rail confirm later: the payment stays pending, shown as confirming.</summary>
    public void AwaitConfirmation(DateTimeOffset now)
    {
        EnsurePending();
        ConfirmationRequestedAt ??= now;
    }

    /// <summary>The rail authorized and the link counted it: the payment is complete, and its capture follows.</summary>
    public void Complete(DateTimeOffset now)
    {
        EnsurePending();
        AuthorizedAt = now;
        Status = PaymentStatus.Completed;
        FinishedAt = now;
    }

    /// <summary>The rail authorized, but the link could no longer take the payment: it fails, and its void follows.</summary>
    public void RefuseAuthorized(string reason, DateTimeOffset now)
    {
        EnsurePending();
        AuthorizedAt = now;
        Finish(reason, now);
    }

    /// <summary>The rail declined (or nobody answered in time): nothing was authorized, so there is nothing to release.</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        EnsurePending();
        Finish(reason, now);
    }

    private void Finish(string reason, DateTimeOffset now)
    {
        Status = PaymentStatus.Failed;
        FailureReason = reason;
        FinishedAt = now;
    }

    /// <summary>The rail confirmed the capture or the void; a second confirmation (a retried call) changes nothing.</summary>
    public void Settled(DateTimeOffset now)
    {
        if (AwaitsCapture)
            CapturedAt = now;
        else if (AwaitsVoid)
            VoidedAt = now;
    }

    /// <summary>
    /// Gives back <paramref name="amountMinor"/> (all that remains when null) of a completed payment. Refused when the
    /// payment did not complete or nothing remains (a conflict with its state), and for an amount that is not positive
    /// or more than remains (bad input).
    /// </summary>
    public Result<Refund> Refund(Guid merchantId, long? amountMinor, RefundReason reason, DateTimeOffset now, Actor actor)
    {
        if (Status != PaymentStatus.Completed)
            return new Problem(PaymentProblems.RefundNotCompleted, "Only a completed payment can be refunded.").As(RefusalCodes.InvalidTransition);
        var remaining = AmountMinor - RefundedMinor;
        if (remaining <= 0)
            return new Problem(PaymentProblems.RefundNothingRemains, "Nothing remains to refund: the payment was refunded in full.").As(RefusalCodes.InvalidTransition);
        var amount = amountMinor ?? remaining;
        if (amount <= 0)
            return new Problem(PaymentProblems.RefundNotPositive, "The amount to refund must be greater than zero.").InvalidAt(RefundFields.Amount);
        if (amount > remaining)
        {
            var left = Currencies.FromMinorUnits(remaining, Currency);
            return new Problem(PaymentProblems.RefundAboveRemaining,
                    $"At most {left.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Currency} remains to refund.", new MoneyAmount(left, Currency))
                .InvalidAt(RefundFields.Amount);
        }
        RefundedMinor += amount;
        return new Refund(this, merchantId, amount, reason, now, actor);
    }

    /// <summary>
    /// The provider reports a refund made in its own dashboard: counted in what was refunded as it arrives, up to what
    /// remains (a provider never refunds more than was paid). Null when nothing remains to count it against.
    /// </summary>
    public Refund? RefundedAtProvider(Guid merchantId, long amountMinor, string providerRefundId, DateTimeOffset now)
    {
        var counted = Math.Min(amountMinor, AmountMinor - RefundedMinor);
        if (Status != PaymentStatus.Completed || counted <= 0)
            return null;
        RefundedMinor += counted;
        return Payments.Refund.AtProvider(this, merchantId, counted, providerRefundId, now);
    }

    private void EnsurePending()
    {
        if (IsFinished)
            throw new InvalidOperationException($"Payment {Id} already ended as {Status}.");
    }
}
