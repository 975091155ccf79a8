using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Domain.Payments;

public enum PaymentStatus
{
    Pending,
    Completed,
    Failed,
}

/// <summary>
/// A customer's attempt to pay a link. It starts PENDING (the customer is at the bank step, which does
/// not count as a usage) and ends exactly once, COMPLETED or FAILED.
/// </summary>
public sealed class PaymentAttempt
{
    public const int FailureReasonMaxLength = 64;
    public const int CheckoutTokenMaxLength = 64;

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
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Units bought; 1 unless the link lets the customer choose. Whatever the quantity, one payment is one usage.</summary>
    public int Quantity { get; private set; } = 1;
    public string? CustomerEmail { get; private set; }
    public string? CustomerName { get; private set; }
    public string? CustomerPhone { get; private set; }
    public IReadOnlyList<FieldAnswer> Answers { get; private set; } = [];

    public decimal Amount => Currencies.FromMinorUnits(AmountMinor, Currency);

    public static PaymentAttempt Start(PaymentLink link, Order order, DateTimeOffset now, string? checkoutToken = null)
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
        attempt.Take(order);
        return attempt;
    }

    /// <summary>
    /// A customer who went back from the bank step and sent the pay form again with other choices: nothing
    /// has been charged yet, so the attempt now stands for the new order.
    /// </summary>
    public void Take(Order order)
    {
        EnsurePending();
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

    public void Complete(DateTimeOffset now)
    {
        EnsurePending();
        Status = PaymentStatus.Completed;
        FinishedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        EnsurePending();
        Status = PaymentStatus.Failed;
        FailureReason = reason;
        FinishedAt = now;
    }

    private void EnsurePending()
    {
        if (IsFinished)
            throw new InvalidOperationException($"Payment {Id} already ended as {Status}.");
    }
}
