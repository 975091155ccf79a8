using System.Diagnostics;
using System.Diagnostics.Metrics;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments.Rails;

namespace PaymentLinks.Infrastructure.Telemetry;

/// <summary>
/// The product's own meter and every instrument on it, named once here (docs/OPERATIONS.md says what each means).
/// Tags are few-valued only (a mode, a refusal code, a rail, an action), never an id or an address. Facts a
/// transaction makes true are recorded once it has committed (<see cref="Persistence.ChangesOnSave"/>), so a
/// rolled-back payment is never counted. With no listener (no management port) recording costs next to nothing.
/// </summary>
public sealed class ProductMetrics
{
    public const string MeterName = "PaymentLinks";

    // Seconds. Deliveries run from instants to a day of retries; fan-out is in-process; the sweeper runs every 30 s.
    private static readonly double[] DeliveryBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400];
    private static readonly double[] FanOutBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private static readonly double[] SweepLagBuckets = [0, 1, 5, 15, 30, 60, 120, 300, 900, 3600];

    private readonly Counter<long> _paymentsCompleted;
    private readonly Counter<long> _paymentsRefused;
    private readonly Counter<long> _refunds;
    private readonly Counter<long> _railOperations;
    private readonly Histogram<double> _webhookLatency;
    private readonly Histogram<double> _mailLatency;
    private readonly UpDownCounter<long> _circuits;
    private readonly Histogram<double> _fanOutLatency;
    private readonly Histogram<double> _sweepLag;

    public ProductMetrics(IMeterFactory meters, OutboxDepth outboxes)
    {
        var meter = meters.Create(MeterName);
        _paymentsCompleted = meter.CreateCounter<long>("paymentlinks.payments.completed", "{payment}",
            "Payments completed (counted on their link; captured after).");
        _paymentsRefused = meter.CreateCounter<long>("paymentlinks.payments.refused", "{payment}",
            "Payments that failed, by reason: declined by the bank, refused by their link, abandoned.");
        _refunds = meter.CreateCounter<long>("paymentlinks.refunds", "{refund}", "Refunds made, here or at the provider.");
        _railOperations = meter.CreateCounter<long>("paymentlinks.rail.operations", "{operation}",
            "Captures, voids and refunds the payment's rail confirmed.");
        meter.CreateObservableGauge("paymentlinks.webhooks.outbox.depth", outboxes.WebhooksWaiting, "{delivery}",
            "Webhook events not yet fanned out plus deliveries still to be sent or retried.");
        meter.CreateObservableGauge("paymentlinks.mail.outbox.depth", outboxes.MailWaiting, "{message}",
            "Mail not yet fanned out plus messages still to be sent or retried.");
        _webhookLatency = meter.CreateHistogram<double>("paymentlinks.webhooks.delivery.latency", "s",
            "From a webhook event's creation to its delivery's success.", advice: new() { HistogramBucketBoundaries = DeliveryBuckets });
        _mailLatency = meter.CreateHistogram<double>("paymentlinks.mail.delivery.latency", "s",
            "From a message's creation to the mail server's acceptance.", advice: new() { HistogramBucketBoundaries = DeliveryBuckets });
        _circuits = meter.CreateUpDownCounter<long>("paymentlinks.dashboard.circuits", "{circuit}", "Dashboards open on this instance.");
        _fanOutLatency = meter.CreateHistogram<double>("paymentlinks.live_updates.fanout.latency", "s",
            "From a change's announcement on this instance to an open dashboard being handed it (before it coalesces and refreshes).",
            advice: new() { HistogramBucketBoundaries = FanOutBuckets });
        _sweepLag = meter.CreateHistogram<double>("paymentlinks.expiry.sweep.lag", "s",
            "How long past its deadline the earliest link a sweep expired was (0 when none was due).",
            advice: new() { HistogramBucketBoundaries = SweepLagBuckets });
    }

    /// <summary>Whether anyone listens to what a save counts (<see cref="CountedOnCommit"/>); while nobody does, saves skip reading it.</summary>
    public bool CountsSaves => _paymentsCompleted.Enabled || _paymentsRefused.Enabled || _refunds.Enabled || _railOperations.Enabled;

    public void PaymentCompleted(bool livemode) => _paymentsCompleted.Add(1, Mode(livemode));

    public void PaymentRefused(string? reason, bool livemode) =>
        _paymentsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason ?? "unknown"), Mode(livemode));

    public void RefundMade(bool livemode) => _refunds.Add(1, Mode(livemode));

    public void RailOperationConfirmed(RailAction action, PaymentProvider rail) =>
        _railOperations.Add(1, new KeyValuePair<string, object?>("action", Lower(action)), new KeyValuePair<string, object?>("rail", Lower(rail)));

    public void WebhookDelivered(TimeSpan sinceEvent) => _webhookLatency.Record(Seconds(sinceEvent));

    public void MailDelivered(TimeSpan sinceCreated) => _mailLatency.Record(Seconds(sinceCreated));

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    /// <summary>A timestamp to hand to <see cref="LiveUpdateHandedOver"/>; 0 (no clock read) while nobody listens.</summary>
    public long LiveUpdateAnnounced() => _fanOutLatency.Enabled ? Stopwatch.GetTimestamp() : 0;

    public void LiveUpdateHandedOver(long announced)
    {
        if (announced != 0)
            _fanOutLatency.Record(Stopwatch.GetElapsedTime(announced).TotalSeconds);
    }

    public void ExpirySwept(TimeSpan lag) => _sweepLag.Record(Seconds(lag));

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);

    private static KeyValuePair<string, object?> Mode(bool livemode) => new("mode", livemode ? "live" : "test");

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
