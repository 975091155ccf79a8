using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PaymentLinks.Domain.Common;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>
/// Where webhooks may go: public https addresses, checked when an endpoint is added and again on every
/// connection (a name can resolve elsewhere later, or to a private address on purpose). Loopback http is
/// allowed only when <see cref="WebhookOptions.AllowLoopback"/> is on, as in tests.
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options)
{
    /// <summary>How long adding an endpoint waits for its name to resolve before leaving the check to delivery time.</summary>
    private static readonly TimeSpan ResolveWait = TimeSpan.FromSeconds(3);

    private bool AllowLoopback => options.Value.AllowLoopback;

    public bool IsAllowed(IPAddress address) => PublicAddresses.IsPublic(address) || (AllowLoopback && IPAddress.IsLoopback(address));

    /// <summary>What is wrong with <paramref name="url"/> as an endpoint, or null: the form, then where its host resolves to.</summary>
    public async Task<Problem?> ProblemAsync(string url, CancellationToken ct)
    {
        var what = IntegrationProblems.EndpointUrl;
        if (url.Length > WebhookEndpoint.UrlMaxLength)
            return TextRules.TooLong(what, WebhookEndpoint.UrlMaxLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic)
            return new(WebAddresses.NotAbsoluteCode, $"{what} must be an absolute URL.", what);
        if (uri.UserInfo.Length > 0)
            return new(IntegrationProblems.UrlHasCredentials, $"{what} must not contain a user name or password.", what);
        var loopback = AllowLoopback && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(loopback && uri.Scheme == Uri.UriSchemeHttp))
            return new(IntegrationProblems.UrlHttpsOnly, $"{what} must use https.", what);
        if (loopback)
            return null;
        return !uri.IsLoopback && await ResolvesPubliclyAsync(uri.DnsSafeHost, ct)
            ? null
            : new(IntegrationProblems.UrlNotPublic, $"{what} must be a public address: {uri.Host} is on this machine or a private or reserved network.", what, uri.Host);
    }

    /// <summary>The connection for a delivery: only to an allowed address of the host, whatever the name resolves to now.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(IsAllowed).ToArray();
        if (allowed.Length == 0)
            throw new RefusedAddress();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// False when the host (a name or an address) resolves to any address that is not allowed. A name that
    /// does not resolve (yet) passes: every delivery checks again when it connects.
    /// </summary>
    private async Task<bool> ResolvesPubliclyAsync(string host, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(ResolveWait);
        try
        {
            return (await Dns.GetHostAddressesAsync(host, wait.Token)).All(IsAllowed);
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return true;
        }
    }
}

/// <summary>Why a delivery did not connect: the host resolved only to addresses webhooks may not reach.</summary>
public sealed class RefusedAddress() : Exception(Reason)
{
    public const string Reason = "Refused: the endpoint's address is not public.";
}
