namespace PaymentLinks.Infrastructure.Mail;

/// <summary>What a message is; each has one template (<see cref="Templates"/>).</summary>
public enum MailKind
{
    Receipt,
    RefundNotice,
    NewPayment,
    NewPaymentDigest,
    LinkUsedUp,
    LinkExpiring,
    EndpointFailing,
    PasswordReset,
    EmailConfirmation,
    EmailChange,
    TwoFactorChanged,
    NewSignIn,
    Invitation,
}

public enum MailStatus
{
    /// <summary>A notification for the merchant's users, not yet made into one message per user who wants it.</summary>
    Announced,

    /// <summary>Made into messages (or into none, when nobody wants it).</summary>
    FannedOut,
    Pending,
    Sent,

    /// <summary>Refused for good by the mail server, or still not accepted after a day of retries.</summary>
    Failed,

    /// <summary>Not sent, on purpose: the merchant's hourly cap, or folded into the hour's digest.</summary>
    Skipped,
}

/// <summary>
/// One message in the mail outbox, written in the transaction of the change that causes it (a completed payment, a
/// refund, a reset request) and delivered by <see cref="MailWorker"/>. Its body is made from the database when it is
/// sent; its <see cref="MessageId"/> comes from its id, so a message sent again after a crash between the server's
/// answer and our record of it is the same message to every mailbox that dedupes.
/// </summary>
public sealed class OutgoingMail
{
    public const int AddressMaxLength = 254;
    public const int KeyMaxLength = 120;
    public const int SubjectMaxLength = 200;
    public const int AnswerMaxLength = 500;

    private OutgoingMail() { }

    private OutgoingMail(MailKind kind, MailStatus status, Guid? merchantId, bool livemode, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        Status = status;
        MerchantId = merchantId;
        Livemode = livemode;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>A message to one address, about one thing (a payment, a refund, a link), with what only the sender knew (a reset link).</summary>
    public static OutgoingMail To(string address, MailKind kind, Guid? merchantId, bool livemode, Guid? subjectId, string? userId, string? data, DateTimeOffset now) =>
        new(kind, MailStatus.Pending, merchantId, livemode, now) { Address = address, SubjectId = subjectId, UserId = userId, Data = data };

    /// <summary>A notification for whichever of the merchant's users want this kind, made into their messages by the worker.</summary>
    public static OutgoingMail Announcement(MailKind kind, Guid merchantId, bool livemode, Guid subjectId, string? key, DateTimeOffset now) =>
        new(kind, MailStatus.Announced, merchantId, livemode, now) { SubjectId = subjectId, Key = key };

    public Guid Id { get; private set; }
    public MailKind Kind { get; private set; }
    public MailStatus Status { get; private set; }
    public Guid? MerchantId { get; private set; }
    public bool Livemode { get; private set; }

    /// <summary>Empty for an announcement.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The user it goes to, when it goes to a user (notifications, account mail).</summary>
    public string? UserId { get; private set; }

    /// <summary>The payment, refund, link or endpoint it is about; for a digest, none.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>
    /// What the message says that is kept nowhere else: an account link, a digest's hour. Cleared once the message is
    /// sent, so that no working reset link lies in the database.
    /// </summary>
    public string? Data { get; private set; }

    /// <summary>Unique when set: what makes one message of many causes (a link's expiry warning, a user's copy of an announcement).</summary>
    public string? Key { get; private set; }

    /// <summary>The subject line, recorded when it is first made, for the delivery log.</summary>
    public string? Subject { get; private set; }

    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The mail server's last answer (or why nothing was sent), for the delivery log.</summary>
    public string? LastAnswer { get; private set; }

    public string MessageId(string domain) => $"{Id:N}@{domain}";

    public OutgoingMail ForUser(string userId, string address, DateTimeOffset now) =>
        To(address, Kind, MerchantId, Livemode, SubjectId, userId, Data, now).Keyed($"{Id:N}:{userId}");

    public OutgoingMail Keyed(string key)
    {
        Key = key;
        return this;
    }

    public OutgoingMail Due(DateTimeOffset at)
    {
        NextAttemptAt = at;
        return this;
    }

    public void FannedOut() => Status = MailStatus.FannedOut;

    public void Skip(string why)
    {
        Status = MailStatus.Skipped;
        LastAnswer = Clip(why, AnswerMaxLength);
        Data = null;
    }

    public void Named(string subject) => Subject = Clip(subject, SubjectMaxLength);

    public void Sent(string answer, DateTimeOffset now)
    {
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = now;
        LastAnswer = Clip(answer, AnswerMaxLength);
        Data = null;
    }

    /// <summary>Not accepted this time: tried again after a delay that doubles each time (up to an hour), until <paramref name="giveUpAfter"/>.</summary>
    public void Retry(string answer, TimeSpan baseDelay, TimeSpan giveUpAfter, DateTimeOffset now)
    {
        Attempts++;
        LastAnswer = Clip(answer, AnswerMaxLength);
        var delay = RetryDelays.Doubling(baseDelay, Attempts);
        if (now + delay - CreatedAt > giveUpAfter)
            Fail(answer);
        else
            NextAttemptAt = now + delay;
    }

    /// <summary>Refused for good (a 5xx answer, an address the server will never take): no more tries.</summary>
    public void Fail(string answer)
    {
        Status = MailStatus.Failed;
        LastAnswer = Clip(answer, AnswerMaxLength);
        Data = null;
    }

    /// <summary>Claimed by one sender: nobody else tries it before <paramref name="until"/>.</summary>
    public void Lease(DateTimeOffset until) => NextAttemptAt = until;

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
