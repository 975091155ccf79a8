using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Audit;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Persistence;
using Stripe;

namespace PaymentLinks.Infrastructure.Payments.Providers;

/// <summary>What the settings page shows of a connection: never a key.</summary>
public sealed record StripeConnectionView(
    string AccountId, string? AccountName, string WebhookToken, DateTimeOffset ConnectedAt, string? KeyProblem, bool ReceivesEvents);

/// <summary>The fields of the connect form, as named in refusals.</summary>
public static class StripeConnectFields
{
    public const string SecretKey = "secret_key";
    public const string WebhookSecret = "webhook_secret";
}

/// <summary>
/// Connecting a merchant's Stripe account for a mode: the key is checked with one call to Stripe (the account it
/// belongs to) before anything is stored, so a wrong, revoked or under-privileged key is refused by its field.
/// </summary>
public sealed class StripeConnections(IDbContextFactory<AppDbContext> contexts, WriteTransactions writes, StripeClients clients)
{
    /// <summary>The events to select when registering our webhook URL in Stripe.</summary>
    public static readonly IReadOnlyList<string> Events =
    [
        EventTypes.CheckoutSessionCompleted, EventTypes.CheckoutSessionExpired, EventTypes.PaymentIntentCanceled,
        EventTypes.ChargeRefunded, EventTypes.RefundCreated, EventTypes.RefundUpdated,
    ];

    public async Task<StripeConnectionView?> FindAsync(MerchantCaller caller, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.StripeConnections.AsNoTracking().Of(caller.MerchantId, caller.Livemode).FirstOrDefaultAsync(ct);
        return connection is null ? null : View(connection);
    }

    /// <summary>
    /// Whether the merchant's payments in that mode go through Stripe: connected, its events signed with a secret we
    /// hold (so that payments are settled even when a customer never comes back from Stripe's page), and the key not refused since.
    /// </summary>
    public async Task<bool> IsConnectedAsync(Guid merchantId, bool livemode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StripeConnections.Of(merchantId, livemode).AnyAsync(c => c.KeyProblem == null && c.ProtectedWebhookSecret != "", ct);
    }

    /// <summary>
    /// Step one: the key, checked with Stripe. The webhook URL exists from then on (Stripe needs it before it shows the
    /// signing secret); a connection whose key is replaced keeps its URL and secret.
    /// </summary>
    public async Task<Result<StripeConnectionView>> ConnectAsync(MerchantCaller caller, string? secretKey, CancellationToken ct = default)
    {
        secretKey = secretKey?.Trim() ?? "";
        var modePrefix = caller.Livemode ? "_live_" : "_test_";
        if (!(secretKey.StartsWith("sk" + modePrefix, StringComparison.Ordinal) || secretKey.StartsWith("rk" + modePrefix, StringComparison.Ordinal)))
            return (caller.Livemode
                ? new Problem(StripeProblems.NotALiveKey, "Paste a live secret key (sk_live_…) or restricted key (rk_live_…) from Stripe's Developers → API keys.")
                : new Problem(StripeProblems.NotATestKey, "In test mode, paste a test secret key (sk_test_…) or restricted key (rk_test_…)."))
                .InvalidAt(StripeConnectFields.SecretKey);

        Account account;
        try
        {
            // GET /v1/account, the key's own account (AccountService.Get wants a connected account's id).
            account = await clients.For(secretKey).RequestAsync<Account>(HttpMethod.Get, "/v1/account", null, null, ct);
        }
        catch (StripeException error)
        {
            return KeyCheckProblem(error.HttpStatusCode).InvalidAt(StripeConnectFields.SecretKey);
        }
        catch (Exception error) when (StripeClients.Unreachable(error, ct))
        {
            return KeyCheckProblem(null).InvalidAt(StripeConnectFields.SecretKey);
        }
        return await writes.RunAsync<Result<StripeConnectionView>>(async (db, now) =>
        {
            if (await db.RefusalAsync(caller, Permission.ManageProvider, now, ct) is { } notAllowed)
                return notAllowed;
            var connection = await db.StripeConnections.Of(caller.MerchantId, caller.Livemode).FirstOrDefaultAsync(ct);
            var name = account.BusinessProfile?.Name ?? account.Settings?.Dashboard?.DisplayName ?? account.Email;
            if (connection is null)
                db.StripeConnections.Add(connection = new StripeConnection(caller.MerchantId, caller.Livemode, account.Id, name,
                    clients.Protect(secretKey), RandomNumberGenerator.GetHexString(StripeConnection.WebhookTokenLength, lowercase: true), now));
            else if (connection.AccountId != account.Id)
                // Its payments' PaymentIntents live in the first account: captures and refunds would fail for ever in another.
                return new Problem(StripeProblems.AnotherAccount,
                    $"This key belongs to another Stripe account ({account.Id}) than the one connected ({connection.AccountId}). To change accounts, disconnect Stripe first.",
                    account.Id, connection.AccountId).InvalidAt(StripeConnectFields.SecretKey);
            else
                connection.Replace(account.Id, name, clients.Protect(secretKey), now);
            await db.RecordAsync(caller, now, AuditKinds.ProviderConnected, account.Id, $"Connected the Stripe account {account.Id} ({name}).", ct: ct);
            await db.SaveChangesAsync(ct);
            return View(connection);
        }, ct);
    }

    /// <summary>Step two: the signing secret Stripe shows for our webhook URL. Events are refused until it is set.</summary>
    public async Task<Result<StripeConnectionView>> SetWebhookSecretAsync(MerchantCaller caller, string? webhookSecret, CancellationToken ct = default)
    {
        webhookSecret = webhookSecret?.Trim() ?? "";
        if (!webhookSecret.StartsWith("whsec_", StringComparison.Ordinal) || webhookSecret.Length > 200)
            return new Problem(StripeProblems.NotASigningSecret,
                    "Paste the endpoint's signing secret (whsec_…): in Stripe, open the webhook endpoint you added with the URL above and reveal it.")
                .InvalidAt(StripeConnectFields.WebhookSecret);
        return await writes.RunAsync<Result<StripeConnectionView>>(async (db, now) =>
        {
            if (await db.RefusalAsync(caller, Permission.ManageProvider, now, ct) is { } notAllowed)
                return notAllowed;
            var connection = await db.StripeConnections.Of(caller.MerchantId, caller.Livemode).FirstOrDefaultAsync(ct);
            if (connection is null)
                return new Problem(StripeProblems.KeyFirst, "Connect a key first: the signing secret belongs to the connection.")
                    .InvalidAt(StripeConnectFields.WebhookSecret);
            connection.SignEventsWith(clients.Protect(webhookSecret));
            await db.RecordAsync(caller, now, AuditKinds.ProviderConnected, connection.AccountId, "Set the signing secret of Stripe's events.", ct: ct);
            await db.SaveChangesAsync(ct);
            return View(connection);
        }, ct);
    }

    /// <summary>
    /// Forgets the keys. Payments already made stay, and their captures and refunds wait (retried) until Stripe is
    /// connected again; live links stay as they are but cannot be published or enabled while nothing is connected.
    /// </summary>
    public Task<bool> DisconnectAsync(MerchantCaller caller, CancellationToken ct = default) => writes.RunAsync(async (db, now) =>
    {
        if (await db.RefusalAsync(caller, Permission.ManageProvider, now, ct) is not null
            || await db.StripeConnections.Of(caller.MerchantId, caller.Livemode).ExecuteDeleteAsync(ct) == 0)
            return false;
        await db.RecordAsync(caller, now, AuditKinds.ProviderDisconnected, subjectId: null, "Disconnected Stripe.", ct: ct);
        await db.SaveChangesAsync(ct); // in the transaction of the delete
        return true;
    }, ct);

    /// <summary>
    /// Stripe refused a call made for the merchant. When the refusal is of the key itself (wrong, revoked, lacking a
    /// permission), not a passing fault, the settings page says why, and publishing waits for a new key.
    /// </summary>
    public async Task NoteRefusalAsync(Guid merchantId, bool livemode, StripeException error, CancellationToken ct = default)
    {
        if (error.HttpStatusCode is not (System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden))
            return;
        await writes.RunAsync(async (db, now) =>
        {
            var connection = await db.StripeConnections.Of(merchantId, livemode).FirstOrDefaultAsync(ct);
            connection?.KeyRefused($"Stripe refused the key: {error.Message}", now);
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    private static Problem KeyCheckProblem(System.Net.HttpStatusCode? status) => status switch
    {
        System.Net.HttpStatusCode.Unauthorized => new(StripeProblems.KeyNotAccepted,
            "Stripe did not accept this key: it is mistyped, or it was revoked. Copy it again from Stripe's Developers → API keys."),
        System.Net.HttpStatusCode.Forbidden => new(StripeProblems.KeyCannotReadAccount,
            "This restricted key may not read the account. Give it read access to Account (and write access to Checkout Sessions, PaymentIntents and Refunds), or use the secret key."),
        _ => new(StripeProblems.NotAnswering, "Stripe is not answering just now, so the key could not be checked; nothing was saved. Try again in a minute."),
    };

    private static StripeConnectionView View(StripeConnection c) =>
        new(c.AccountId, c.AccountName, c.WebhookToken, c.ConnectedAt, c.KeyProblem, c.ProtectedWebhookSecret != "");
}
