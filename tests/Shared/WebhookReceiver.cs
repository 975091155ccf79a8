using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaymentLinks.Tests.Shared;

public sealed record ReceivedWebhook(string Body, string Signature, string EventType, int AnsweredWith);

/// <summary>A real HTTP server on a loopback port that records the webhooks it gets, and can fail on purpose.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _arrived;

    /// <summary>Requests that have arrived, answered or not yet.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    public string Url { get; private set; } = "";

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <param name="failFirst">How many requests to answer 500 before answering 200.</param>
    /// <param name="redirectTo">Answer every request with a 302 to this address instead.</param>
    /// <param name="answerAfter">Take this long over every answer, like a slow server.</param>
    /// <param name="endlessBody">Answer 200 and then keep sending body bytes until the client goes away.</param>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0, string? redirectTo = null, TimeSpan answerAfter = default, bool endlessBody = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { _failuresLeft = failFirst };
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            Interlocked.Increment(ref receiver._arrived);
            await Task.Delay(answerAfter);
            var status = redirectTo is not null ? 302 : Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? 500 : 200;
            receiver.Received.Enqueue(new ReceivedWebhook(body, http.Request.Headers["PaymentLinks-Signature"].ToString(),
                http.Request.Headers["PaymentLinks-Event-Type"].ToString(), status));
            if (endlessBody)
                return Results.Stream(async body =>
                {
                    var chunk = new byte[64 * 1024];
                    while (!http.RequestAborted.IsCancellationRequested)
                    {
                        await body.WriteAsync(chunk, http.RequestAborted);
                        await body.FlushAsync(http.RequestAborted);
                        await Task.Delay(10, http.RequestAborted);
                    }
                });
            return redirectTo is not null ? Results.Redirect(redirectTo) : Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    public IReadOnlyList<ReceivedWebhook> Delivered => Received.Where(r => r.AnsweredWith == 200).ToList();

    public async Task WaitForAsync(Func<WebhookReceiver, bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Webhooks not received in {seconds} s; got: {string.Join(", ", Received.Select(r => $"{r.EventType}={r.AnsweredWith}"))}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
