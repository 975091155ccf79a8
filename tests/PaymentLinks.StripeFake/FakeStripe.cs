using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Stripe;

namespace PaymentLinks.StripeFake;

/// <summary>
/// A server on a loopback port that speaks the part of Stripe's API our product uses, for tests (Stripe's own servers
/// are out of reach here). Its answers are Stripe.net's model objects serialized by the SDK's own serializer, so the
/// SDK in the app parses exactly the shapes it parses from Stripe. It honours Idempotency-Key, serves a hosted page
/// with Pay and Cancel, sends events signed as Stripe documents (Stripe-Signature: t=…,v1=HMAC-SHA256(t.body)), and
/// records every call and every movement of money.
/// </summary>
public sealed partial class FakeStripe : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeAccount> _accountsByKey = new();
    private readonly ConcurrentDictionary<string, bool> _revokedKeys = new();
    private readonly HttpClient _events = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<Task> _eventsInFlight = [];
    private int _failuresLeft;
    private int _failWith;
    private string? _failOnlyPathEnding;
    private string? _loseAnswerTo;

    /// <summary>Guards every account's objects: the fake answers one request at a time, as far as its state goes.</summary>
    private readonly Lock _state = new();

    public ConcurrentQueue<FakeCall> Calls { get; } = new();
    public ConcurrentQueue<FakeMovement> Movements { get; } = new();

    /// <summary>Where the app's <c>Stripe:ApiBase</c> points.</summary>
    public string ApiBase { get; private set; } = "";

    /// <summary>Whether Pay on the hosted page also sends checkout.session.completed (as Stripe does), or leaves it to the return.</summary>
    public bool SendsEventsOnPay { get; set; } = true;

    private FakeStripe(WebApplication app) => _app = app;

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        fake.MapApi(app);
        fake.MapHostedPage(app);
        await app.StartAsync();
        fake.ApiBase = app.Urls.Single();
        return fake;
    }

    /// <summary>An account reached with <paramref name="secretKey"/> (sk_test_/sk_live_/rk_… as Stripe issues them).</summary>
    public FakeAccount AddAccount(string secretKey, string name = "Fake Stripe Shop", bool canReadAccount = true)
    {
        var account = new FakeAccount("acct_" + Token(16), name, secretKey.Contains("_live_", StringComparison.Ordinal), canReadAccount);
        _accountsByKey[secretKey] = account;
        return account;
    }

    /// <summary>Another key of the same account (a key rolled in Stripe's dashboard).</summary>
    public void AddKey(FakeAccount account, string secretKey) => _accountsByKey[secretKey] = account;

    /// <summary>Every key the account has now is revoked in Stripe's dashboard: calls with them answer 401 from then on.</summary>
    public void RevokeKeys(FakeAccount account)
    {
        foreach (var (key, _) in _accountsByKey.Where(k => k.Value == account))
            _revokedKeys[key] = true;
    }

    /// <summary>
    /// The next <paramref name="count"/> API calls answer <paramref name="status"/> (503: Stripe is having trouble); only
    /// those whose path ends with <paramref name="pathEnding"/> when it is given, so that a test can set the failure up
    /// before the app's call is due, without the calls before it using the failures up.
    /// </summary>
    public void FailNext(int count, int status = 503, string? pathEnding = null)
    {
        Volatile.Write(ref _failWith, status);
        Volatile.Write(ref _failOnlyPathEnding, pathEnding);
        Volatile.Write(ref _failuresLeft, count);
    }

    private bool FailsNow(string path) =>
        (Volatile.Read(ref _failOnlyPathEnding) is not { } ending || path.EndsWith(ending, StringComparison.Ordinal))
        && Interlocked.Decrement(ref _failuresLeft) >= 0;

    /// <summary>The next call to <paramref name="path"/> is carried out, but its answer is lost on the way back (the client sees a 500), as a dropped connection does.</summary>
    public void LoseNextAnswerTo(string method, string path) => Volatile.Write(ref _loseAnswerTo, $"{method} {path}");

    /// <summary>Stripe keeps idempotency keys for 24 hours: after that, a key sent again is a new request.</summary>
    public void ForgetIdempotencyKeys()
    {
        lock (_state)
            foreach (var account in _accountsByKey.Values.Distinct())
                account.IdempotentAnswers.Clear();
    }

    public IEnumerable<FakeMovement> Captures => Movements.Where(m => m.Kind == "capture");
    public IEnumerable<FakeMovement> Cancels => Movements.Where(m => m.Kind == "cancel");
    public IEnumerable<FakeMovement> Refunds => Movements.Where(m => m.Kind == "refund");

    /// <summary>Sends an event of <paramref name="type"/> about <paramref name="data"/> to the account's webhook, signed with <paramref name="signWith"/> (its secret by default).</summary>
    public async Task<HttpResponseMessage> SendEventAsync(FakeAccount account, string type, IHasObject data, string? signWith = null, DateTimeOffset? signedAt = null)
    {
        var stripeEvent = new Event
        {
            Id = "evt_" + Token(24),
            Object = "event",
            Type = type,
            Created = DateTime.UtcNow,
            Livemode = account.Livemode,
            ApiVersion = StripeConfiguration.ApiVersion,
            Data = new EventData { Object = data },
        };
        return await PostEventAsync(account, stripeEvent.ToJson(), signWith, signedAt);
    }

    /// <summary>Sends exactly <paramref name="json"/> (an event sent again, with the same id) to the account's webhook.</summary>
    public async Task<HttpResponseMessage> PostEventAsync(FakeAccount account, string json, string? signWith = null, DateTimeOffset? signedAt = null)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signWith ?? account.WebhookSecret ?? throw new InvalidOperationException("No webhook secret set.")));
        var signature = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{json}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, account.WebhookUrl ?? throw new InvalidOperationException("No webhook URL set."))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        return await _events.SendAsync(request);
    }

    /// <summary>Waits for the events Pay sent in the background.</summary>
    public async Task EventsSentAsync()
    {
        Task[] pending;
        lock (_eventsInFlight)
            pending = [.. _eventsInFlight];
        await Task.WhenAll(pending);
    }

    private void SendInBackground(FakeAccount account, string type, IHasObject data)
    {
        if (account.WebhookUrl is null || account.WebhookSecret is null)
            return;
        var sending = Task.Run(async () =>
        {
            try
            {
                using var _ = await SendEventAsync(account, type, data);
            }
            catch (HttpRequestException)
            {
                // The app is down: Stripe would retry for days; the app's return and reconciliation cover it here.
            }
        });
        lock (_eventsInFlight)
            _eventsInFlight.Add(sending);
    }

    private static string Token(int length) => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);

    public async ValueTask DisposeAsync()
    {
        await EventsSentAsync();
        _events.Dispose();
        await _app.DisposeAsync();
    }
}
