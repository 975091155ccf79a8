namespace PaymentLinks.Infrastructure.Payments.Rails;

public sealed class RailOptions
{
    public const string Section = "Rails";

    /// <summary>How often captures, voids and refunds that are due are carried out, and due sandbox approvals confirmed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry of an operation the rail did not confirm waits this long; each next one twice as long, up to an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one instance holds an operation it is carrying out before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the sandbox bank takes to confirm a payment the customer chose to "approve later".</summary>
    public TimeSpan SandboxApproveLaterDelay { get; set; } = TimeSpan.FromSeconds(5);
}
