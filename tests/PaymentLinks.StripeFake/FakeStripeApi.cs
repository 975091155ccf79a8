using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Stripe;
using Stripe.Checkout;

namespace PaymentLinks.StripeFake;

/// <summary>The API routes: the requests Stripe.net makes for sessions, PaymentIntents, refunds and the account check.</summary>
public sealed partial class FakeStripe
{
    private void MapApi(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/account", (HttpRequest request) => AnswerAsync(request.HttpContext, (account, _) =>
            account.CanReadAccount ? Ok(account.ToAccount())
                : Error(403, "invalid_request_error", null, "The provided key does not have the required permissions for this endpoint (rak_accounts_kyc_basic_read).")));
        app.MapPost("/v1/checkout/sessions", (HttpRequest request) => AnswerAsync(request.HttpContext, CreateSession));
        app.MapGet("/v1/checkout/sessions/{id}", (HttpContext http, string id) => AnswerAsync(http, (account, _) =>
            account.Sessions.TryGetValue(id, out var session) ? Ok(session) : Missing("checkout session", id)));
        app.MapPost("/v1/checkout/sessions/{id}/expire", (HttpContext http, string id) => AnswerAsync(http, (account, _) => ExpireSession(account, id)));
        app.MapGet("/v1/payment_intents/{id}", (HttpContext http, string id) => AnswerAsync(http, (account, _) =>
            account.Intents.TryGetValue(id, out var intent) ? Ok(intent) : Missing("payment_intent", id)));
        app.MapPost("/v1/payment_intents/{id}/capture", (HttpContext http, string id) => AnswerAsync(http, (account, form) => Capture(account, id, form, http)));
        app.MapPost("/v1/payment_intents/{id}/cancel", (HttpContext http, string id) => AnswerAsync(http, (account, _) => Cancel(account, id, http)));
        // As Stripe does for a route it does not have; recorded, so that a test sees a request the fake does not speak.
        app.MapFallback((HttpRequest request) =>
        {
            Calls.Enqueue(new FakeCall(request.Method, request.Path, null, 404));
            var (status, body) = Error(404, "invalid_request_error", null, $"Unrecognized request URL ({request.Method}: {request.Path}).");
            return Results.Content(body, "application/json", statusCode: status);
        });
        app.MapGet("/v1/refunds", (HttpRequest request) => AnswerAsync(request.HttpContext, (account, _) =>
        {
            var intent = request.Query["payment_intent"].ToString();
            var refunds = account.RefundsByIntent.TryGetValue(intent, out var list) ? list : [];
            return Ok(new StripeList<Stripe.Refund> { Object = "list", Url = "/v1/refunds", Data = [.. Enumerable.Reverse(refunds)], HasMore = false });
        }));
        app.MapPost("/v1/refunds", (HttpRequest request) => AnswerAsync(request.HttpContext, (account, form) => CreateRefund(account, form, request.HttpContext)));
    }

    /// <summary>
    /// What every API request goes through, as at Stripe: the key (401 when unknown or revoked), an injected failure
    /// if one is due, then the idempotency key: a key seen before is answered with the first answer, body and status.
    /// </summary>
    private async Task<IResult> AnswerAsync(HttpContext http, Func<FakeAccount, IFormCollection, (int Status, string Body)> handle)
    {
        var key = http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : FormCollection.Empty;
        (int Status, string Body) answer;
        if (!_accountsByKey.TryGetValue(key, out var account) || _revokedKeys.ContainsKey(key))
            answer = Error(401, "invalid_request_error", null, "Invalid API Key provided.");
        else if (FailsNow(http.Request.Path.Value!))
            answer = Error(Volatile.Read(ref _failWith), "api_error", null, "Stripe is having trouble (injected by the test).");
        else
            lock (_state)
            {
                var cacheKey = idempotencyKey is null ? null : $"{http.Request.Path}|{idempotencyKey}";
                var parameters = string.Join("&", form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
                if (cacheKey is not null && account.IdempotentAnswers.TryGetValue(cacheKey, out var earlier))
                    answer = earlier.Parameters == parameters ? (earlier.Status, earlier.Body)
                        : Error(400, "idempotency_error", null, $"Keys for idempotent requests can only be used with the same parameters they were first used with ({idempotencyKey}).");
                else
                {
                    answer = handle(account, form);
                    if (cacheKey is not null && answer.Status < 500)
                        account.IdempotentAnswers[cacheKey] = (answer.Status, answer.Body, parameters);
                    if (Interlocked.CompareExchange(ref _loseAnswerTo, null, $"{http.Request.Method} {http.Request.Path}") == $"{http.Request.Method} {http.Request.Path}")
                        answer = Error(500, "api_error", null, "The answer was lost on the way (injected by the test).");
                }
            }
        Calls.Enqueue(new FakeCall(http.Request.Method, http.Request.Path, idempotencyKey, answer.Status));
        return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
    }

    private (int, string) CreateSession(FakeAccount account, IFormCollection form)
    {
        var unit = long.Parse(form["line_items[0][price_data][unit_amount]"]!);
        var quantity = long.Parse(form["line_items[0][quantity]"]!);
        var mode = account.Livemode ? "live" : "test";
        var session = new Session
        {
            Id = $"cs_{mode}_" + Token(40),
            Object = "checkout.session",
            Mode = form["mode"],
            Status = "open",
            PaymentStatus = "unpaid",
            Currency = form["line_items[0][price_data][currency]"],
            AmountSubtotal = unit * quantity,
            AmountTotal = unit * quantity,
            ClientReferenceId = form["client_reference_id"],
            CustomerEmail = form["customer_email"].FirstOrDefault(),
            Locale = form["locale"],
            Metadata = Metadata(form, "metadata"),
            SuccessUrl = form["success_url"],
            CancelUrl = form["cancel_url"],
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["expires_at"]!)).UtcDateTime,
            Livemode = account.Livemode,
        };
        session.Url = $"{ApiBase}/c/pay/{session.Id}";
        account.Sessions[session.Id] = session;
        account.IntentTerms[session.Id] = new IntentTerms(form["payment_intent_data[capture_method]"].FirstOrDefault() ?? "automatic",
            Metadata(form, "payment_intent_data[metadata]"), form["line_items[0][price_data][product_data][name]"].ToString());
        return Ok(session);
    }

    private (int, string) ExpireSession(FakeAccount account, string id)
    {
        if (!account.Sessions.TryGetValue(id, out var session))
            return Missing("checkout session", id);
        if (session.Status != "open")
            return Error(400, "invalid_request_error", "checkout_session_not_open", $"This Checkout Session is {session.Status}.");
        session.Status = "expired";
        SendInBackground(account, EventTypes.CheckoutSessionExpired, session);
        return Ok(session);
    }

    private (int, string) Capture(FakeAccount account, string id, IFormCollection form, HttpContext http)
    {
        if (!account.Intents.TryGetValue(id, out var intent))
            return Missing("payment_intent", id);
        if (intent.Status != "requires_capture")
            return UnexpectedState(intent, "capture");
        var amount = form.TryGetValue("amount_to_capture", out var asked) ? long.Parse(asked!) : intent.Amount;
        if (amount > intent.Amount)
            return Error(400, "invalid_request_error", "amount_too_large", "The amount to capture exceeds what was authorized.");
        intent.Status = "succeeded";
        intent.AmountReceived = amount;
        intent.AmountCapturable = 0;
        Movements.Enqueue(new FakeMovement("capture", id, amount, http.Request.Headers["Idempotency-Key"]));
        return Ok(intent);
    }

    private (int, string) Cancel(FakeAccount account, string id, HttpContext http)
    {
        if (!account.Intents.TryGetValue(id, out var intent))
            return Missing("payment_intent", id);
        if (intent.Status is "succeeded" or "canceled")
            return UnexpectedState(intent, "cancel");
        intent.Status = "canceled";
        intent.AmountCapturable = 0;
        Movements.Enqueue(new FakeMovement("cancel", id, intent.Amount, http.Request.Headers["Idempotency-Key"]));
        return Ok(intent);
    }

    private (int, string) CreateRefund(FakeAccount account, IFormCollection form, HttpContext http)
    {
        var id = form["payment_intent"].ToString();
        if (!account.Intents.TryGetValue(id, out var intent))
            return Missing("payment_intent", id);
        var refund = RefundOf(account, intent, form.TryGetValue("amount", out var asked) ? long.Parse(asked!) : null, Metadata(form, "metadata"));
        if (refund is null)
            return Error(400, "invalid_request_error", "charge_already_refunded", "The refund exceeds what remains of the charge.");
        Movements.Enqueue(new FakeMovement("refund", id, refund.Amount, http.Request.Headers["Idempotency-Key"]));
        return Ok(refund);
    }

    /// <summary>A succeeded refund of <paramref name="amount"/> (all that remains when null), or null when it would exceed what was captured.</summary>
    private static Stripe.Refund? RefundOf(FakeAccount account, PaymentIntent intent, long? amount, Dictionary<string, string> metadata)
    {
        var refunds = account.RefundsByIntent.TryGetValue(intent.Id, out var list) ? list : account.RefundsByIntent[intent.Id] = [];
        var remaining = intent.AmountReceived - refunds.Sum(r => r.Amount);
        var refunded = amount ?? remaining;
        if (intent.Status != "succeeded" || refunded <= 0 || refunded > remaining)
            return null;
        var refund = new Stripe.Refund
        {
            Id = "re_" + Token(24),
            Object = "refund",
            Amount = refunded,
            Currency = intent.Currency,
            PaymentIntentId = intent.Id,
            Status = "succeeded",
            Metadata = metadata,
            Created = DateTime.UtcNow,
        };
        refunds.Add(refund);
        return refund;
    }

    private static Dictionary<string, string> Metadata(IFormCollection form, string prefix) =>
        form.Keys.Where(k => k.StartsWith(prefix + "[", StringComparison.Ordinal) && k.EndsWith(']') && k.Count(c => c == '[') == prefix.Count(c => c == '[') + 1)
            .ToDictionary(k => k[(prefix.Length + 1)..^1], k => form[k].ToString());

    private static (int, string) Ok(StripeEntity entity) => (200, entity.ToJson());

    private static (int, string) Missing(string kind, string id) => Error(404, "invalid_request_error", "resource_missing", $"No such {kind}: '{id}'");

    private static (int, string) UnexpectedState(PaymentIntent intent, string action) =>
        Error(400, "invalid_request_error", "payment_intent_unexpected_state",
            $"This PaymentIntent could not be {action}d because it has a status of {intent.Status}.");

    private static (int, string) Error(int status, string type, string? code, string message) =>
        (status, JsonConvert.SerializeObject(new { error = new { type, code, message } }));
}
