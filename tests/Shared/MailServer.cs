using System.Net.Http.Json;
using MimeKit;

namespace PaymentLinks.Tests.Shared;

/// <summary>
/// The real SMTP server of the test run (smtp4dev, started by <c>./test.sh</c> through <c>scripts/smtp4dev.sh</c>):
/// where the app is told to send, and what arrived there, read back through smtp4dev's REST API and parsed by MimeKit.
/// Tests share it, so each looks only at the addresses it made up.
/// </summary>
public sealed class MailServer
{
    private static readonly HttpClient Api = new() { Timeout = TimeSpan.FromSeconds(10) };

    private MailServer(string host, int port, Uri api) => (Host, Port, ApiBase) = (host, port, api);

    public string Host { get; }
    public int Port { get; }
    public Uri ApiBase { get; }

    /// <summary>The run's server, or a failure that says how to start one.</summary>
    public static MailServer FromEnvironment()
    {
        var smtp = Environment.GetEnvironmentVariable("PAYMENTLINKS_TEST_SMTP");
        var api = Environment.GetEnvironmentVariable("PAYMENTLINKS_TEST_SMTP_API");
        if (string.IsNullOrEmpty(smtp) || string.IsNullOrEmpty(api) || smtp.Split(':') is not [var host, var port])
            throw new InvalidOperationException(
                "No SMTP server for the mail tests. ./test.sh starts one; to run tests by hand: eval \"$(scripts/smtp4dev.sh start)\"");
        return new MailServer(host, int.Parse(port), new Uri(api));
    }

    /// <summary>The app's settings that send its mail here.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = Host,
        ["Email:Smtp:Port"] = Port.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:PollInterval"] = "00:00:00.200",
        ["Email:RetryBaseDelay"] = "00:00:01",
    };

    /// <summary>An address no other test uses.</summary>
    public static string NewAddress(string who = "customer") => $"{who}-{Guid.NewGuid():N}@mail.example.com";

    /// <summary>Every message that arrived for <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReceivedByAsync(string address)
    {
        var page = await Api.GetFromJsonAsync<MessagePage>(new Uri(ApiBase, $"api/messages?searchTerms={Uri.EscapeDataString(address)}&pageSize=500"))
            ?? throw new InvalidOperationException("smtp4dev answered nothing.");
        var messages = new List<MimeMessage>();
        foreach (var summary in page.Results.Where(m => m.To.Any(to => to.Equals(address, StringComparison.OrdinalIgnoreCase))).OrderBy(m => m.ReceivedDate))
        {
            await using var raw = await Api.GetStreamAsync(new Uri(ApiBase, $"api/messages/{summary.Id}/raw"));
            messages.Add(await MimeMessage.LoadAsync(raw));
        }
        return messages;
    }

    /// <summary>Waits for <paramref name="count"/> messages to <paramref name="address"/> and returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, int seconds = 20)
    {
        IReadOnlyList<MimeMessage> received = [];
        await Poll.UntilAsync(async () => (received = await ReceivedByAsync(address)).Count >= count, $"{count} message(s) to {address}", seconds);
        return received;
    }

    /// <summary>Waits for a message with this subject to <paramref name="address"/> (among others it may get) and returns it.</summary>
    public async Task<MimeMessage> WaitForSubjectAsync(string address, string subject, int seconds = 20)
    {
        MimeMessage? found = null;
        await Poll.UntilAsync(async () => (found = (await ReceivedByAsync(address)).FirstOrDefault(m => m.Subject == subject)) is not null,
            $"“{subject}” to {address}", seconds);
        return found!;
    }

    private sealed record MessagePage(List<MessageSummary> Results);

    private sealed record MessageSummary(string Id, List<string> To, DateTimeOffset ReceivedDate);
}
