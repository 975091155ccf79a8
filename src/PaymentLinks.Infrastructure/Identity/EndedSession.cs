namespace PaymentLinks.Infrastructure.Identity;

/// <summary>
/// A signed-in session (one sign-in cookie, and every dashboard tab opened with it) that was signed out. Open
/// dashboards check their session against these, so signing out also ends the tabs still open.
/// </summary>
public sealed class EndedSession
{
    public const int IdLength = 32;

    private EndedSession() { }

    public EndedSession(string sessionId, DateTimeOffset endedAt)
    {
        SessionId = sessionId;
        EndedAt = endedAt;
    }

    public string SessionId { get; private set; } = "";
    public DateTimeOffset EndedAt { get; private set; }
}
