using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stripe;
using Stripe.Checkout;

namespace PaymentLinks.StripeFake;

/// <summary>
/// Stripe's hosted Checkout page, reduced to what a test needs: the order, and Pay or Cancel. Pay authorizes a
/// PaymentIntent (held, with manual capture), completes the session, sends checkout.session.completed and redirects to
/// the session's success URL; Cancel redirects to its cancel URL.
/// </summary>
public sealed partial class FakeStripe
{
    private void MapHostedPage(IEndpointRouteBuilder app)
    {
        app.MapGet("/c/pay/{id}", (string id) => FindSession(id) is ({ } session, { } account)
            ? Results.Content(HostedPage(session, account.IntentTerms[id]), "text/html")
            : Results.NotFound());
        app.MapPost("/c/pay/{id}/pay", (string id) => Pay(id) is { } success ? Results.Redirect(success) : Results.BadRequest("This session is not open."));
        app.MapPost("/c/pay/{id}/cancel", (string id) => FindSession(id) is ({ } session, _) ? Results.Redirect(session.CancelUrl) : Results.NotFound());
    }

    /// <summary>The customer pays on the hosted page: the success URL to go to, or null when the session is not open.</summary>
    public string? Pay(string sessionId)
    {
        Session session;
        FakeAccount account;
        lock (_state)
        {
            if (FindSession(sessionId) is not ({ Status: "open" } open, { } owner) || open.ExpiresAt < DateTime.UtcNow)
                return null;
            (session, account) = (open, owner);
            var terms = account.IntentTerms[sessionId];
            var intent = new PaymentIntent
            {
                Id = "pi_" + Token(24),
                Object = "payment_intent",
                Amount = session.AmountTotal ?? 0,
                Currency = session.Currency,
                CaptureMethod = terms.CaptureMethod,
                Status = terms.CaptureMethod == "manual" ? "requires_capture" : "succeeded",
                Metadata = terms.Metadata,
                Livemode = account.Livemode,
                Created = DateTime.UtcNow,
            };
            intent.AmountCapturable = intent.Status == "requires_capture" ? intent.Amount : 0;
            intent.AmountReceived = intent.Status == "succeeded" ? intent.Amount : 0;
            account.Intents[intent.Id] = intent;
            session.Status = "complete";
            session.PaymentIntentId = intent.Id;
        }
        if (SendsEventsOnPay)
            SendInBackground(account, EventTypes.CheckoutSessionCompleted, session);
        return session.SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal);
    }

    /// <summary>
    /// A refund made in Stripe's own dashboard: it moves the money and sends charge.refunded (without the refunds in the
    /// charge, as since API version 2022-11-15) and then refund.created, as Stripe does.
    /// </summary>
    public async Task<Stripe.Refund> RefundInDashboardAsync(FakeAccount account, string paymentIntentId, long amount)
    {
        Charge charge;
        Stripe.Refund refund;
        lock (_state)
        {
            var intent = account.Intents[paymentIntentId];
            refund = RefundOf(account, intent, amount, []) ?? throw new InvalidOperationException("Nothing left to refund.");
            Movements.Enqueue(new FakeMovement("refund", paymentIntentId, amount, null));
            var refunds = account.RefundsByIntent[paymentIntentId];
            charge = new Charge
            {
                Id = "ch_" + Token(24),
                Object = "charge",
                Amount = intent.AmountReceived,
                AmountCaptured = intent.AmountReceived,
                AmountRefunded = refunds.Sum(r => r.Amount),
                Currency = intent.Currency,
                PaymentIntentId = intent.Id,
                Refunded = refunds.Sum(r => r.Amount) == intent.AmountReceived,
            };
        }
        foreach (var (type, data) in new (string, IHasObject)[] { (EventTypes.ChargeRefunded, charge), (EventTypes.RefundCreated, refund) })
        {
            using var answer = await SendEventAsync(account, type, data);
            answer.EnsureSuccessStatusCode();
        }
        return refund;
    }

    /// <summary>The session as the fake holds it now (its PaymentIntent's id once paid).</summary>
    public Session Session(string sessionId)
    {
        lock (_state)
            return FindSession(sessionId).Session ?? throw new KeyNotFoundException(sessionId);
    }

    public PaymentIntent Intent(FakeAccount account, string paymentIntentId)
    {
        lock (_state)
            return account.Intents[paymentIntentId];
    }

    public IReadOnlyList<Session> Sessions(FakeAccount account)
    {
        lock (_state)
            return [.. account.Sessions.Values];
    }

    private (Session? Session, FakeAccount? Account) FindSession(string id)
    {
        foreach (var account in _accountsByKey.Values.Distinct())
            if (account.Sessions.TryGetValue(id, out var session))
                return (session, account);
        return (null, null);
    }

    private static string HostedPage(Session session, IntentTerms terms)
    {
        var total = $"{session.AmountTotal / 100m:0.00} {session.Currency?.ToUpperInvariant()}";
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Pay {{WebUtility.HtmlEncode(terms.ProductName)}} (fake Stripe Checkout)</title></head>
            <body>
              <h1>{{WebUtility.HtmlEncode(terms.ProductName)}}</h1>
              <p>Total <strong>{{total}}</strong> · session status {{session.Status}}</p>
              <form method="post" action="/c/pay/{{session.Id}}/pay"><button type="submit">Pay</button></form>
              <form method="post" action="/c/pay/{{session.Id}}/cancel"><button type="submit">Cancel</button></form>
            </body></html>
            """;
    }
}
