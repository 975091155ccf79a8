using Microsoft.AspNetCore.Http.Features;
using PaymentLinks.Infrastructure.Payments.Providers;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>
/// Where Stripe sends a merchant's events: one URL per connection (its token is the path), shown on the Payment provider
/// page. The raw body is what Stripe signed, so it is read as text and checked before anything is parsed.
/// </summary>
public static class StripeWebhookEndpoints
{
    /// <summary>Stripe's events are a few kilobytes; a charge with many refunds stays far below this.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public const string PathPrefix = "/stripe/webhooks/";

    public static void MapStripeWebhooks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PathPrefix + "{token}", ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(string token, HttpContext http, StripeEvents events)
    {
        // The server stops reading at the limit, chunked bodies included (Kestrel answers the rest with 413).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        string body;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge)
        {
            return Results.StatusCode(tooLarge.StatusCode);
        }
        return await events.ReceiveAsync(token, body, http.Request.Headers["Stripe-Signature"], http.RequestAborted) switch
        {
            StripeEventOutcome.UnknownEndpoint => Results.NotFound(),
            StripeEventOutcome.BadSignature => Results.BadRequest(new { error = "The Stripe-Signature header does not match this endpoint's signing secret, or is too old." }),
            _ => Results.Ok(new { received = true }),
        };
    }
}
