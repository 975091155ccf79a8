using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaymentLinks.Infrastructure.Events;

/// <summary>
/// Link changes across app instances, over PostgreSQL LISTEN/NOTIFY. A change reaches this instance's
/// subscribers at once and goes out on the channel; every instance listens and hands on what the others sent.
/// Live updates only: a notification lost while a connection is down is not replayed, and a view catches up at
/// its next change or reload; what was stored is never at stake.
/// </summary>
public sealed class PostgresLinkEvents : BackgroundService, ILinkEvents
{
    public const string ChannelName = "link_changes";

    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    private readonly InProcessLinkEvents _local;
    private readonly NpgsqlDataSource _database;
    private readonly ILogger<PostgresLinkEvents> _logger;
    private readonly Channel<LinkChanged> _outgoing = Channel.CreateUnbounded<LinkChanged>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _origin = Guid.NewGuid().ToString("N");

    public PostgresLinkEvents(string connectionString, InProcessLinkEvents local, ILogger<PostgresLinkEvents> logger)
    {
        _local = local;
        _logger = logger;
        _database = NpgsqlDataSource.Create(connectionString);
    }

    public void Publish(LinkChanged change)
    {
        _local.Publish(change);
        _outgoing.Writer.TryWrite(change);
    }

    public IDisposable Subscribe(Guid merchantId, Func<LinkChanged, Task> onChange) => _local.Subscribe(merchantId, onChange);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _database.OpenConnectionAsync(ct);
                connection.Notification += (_, notification) => Received(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                while (true)
                    await connection.WaitAsync(ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _logger.LogWarning(error, "Listening for link changes failed; reconnecting");
                await Task.Delay(ReconnectAfter, ct);
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await foreach (var change in _outgoing.Reader.ReadAllAsync(ct))
        {
            try
            {
                await using var notify = _database.CreateCommand("SELECT pg_notify(@channel, @payload)");
                notify.Parameters.AddWithValue("channel", ChannelName);
                notify.Parameters.AddWithValue("payload", $"{_origin} {change.MerchantId} {change.LinkId} {(int)change.Kind} {change.Version}");
                await notify.ExecuteNonQueryAsync(ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _logger.LogWarning(error, "A link change could not be sent to the other instances");
            }
        }
    }

    private void Received(string payload)
    {
        var parts = payload.Split(' ');
        if (parts.Length != 5 || parts[0] == _origin)
            return; // this instance's own, delivered when it was published
        if (Guid.TryParse(parts[1], out var merchantId) && Guid.TryParse(parts[2], out var linkId)
            && int.TryParse(parts[3], out var kind) && int.TryParse(parts[4], out var version))
            _local.Publish(new LinkChanged(merchantId, linkId, (LinkChangeKind)kind, version));
    }

    public override void Dispose()
    {
        base.Dispose();
        _database.Dispose();
    }
}
