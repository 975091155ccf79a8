using System.Diagnostics;

namespace PaymentLinks.Infrastructure.Telemetry;

/// <summary>
/// The product's own spans, for work no library traces: sending a message over SMTP (MailKit uses no HttpClient).
/// Without a tracer listening (no OTLP endpoint configured), starting one returns null and costs nothing.
/// </summary>
public static class ProductTracing
{
    public const string SourceName = "PaymentLinks";

    public static readonly ActivitySource Source = new(SourceName);
}
