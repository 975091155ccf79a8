using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;
using MudBlazor;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>
/// One place for what happens when a merchant clicks an action: confirmation where it is permanent,
/// the service call, and a notification saying what happened or why it was refused.
/// </summary>
public sealed class LinkActionRunner(
    PaymentLinkService links, Confirmations confirmations, ISnackbar snackbar)
{
    public static string Label(LinkTrigger action) => action switch
    {
        LinkTrigger.ExpireNow => "Expire now",
        _ => action.ToString(),
    };

    /// <summary>One line on what the action does, so Unpublish, Disable, Archive and Expire now can be told apart.</summary>
    public static string Hint(LinkTrigger action) => action switch
    {
        LinkTrigger.Publish => "Put it live: customers can pay at its URL.",
        LinkTrigger.Unpublish => "Back to draft: its URL stops working until you publish it again.",
        LinkTrigger.Disable => "Pause it: customers are told it is not taking payments. Enable it again any time.",
        LinkTrigger.Enable => "Take payments again at the same URL.",
        LinkTrigger.Archive => "Permanent: stop payments and move it out of the list.",
        LinkTrigger.ExpireNow => "Permanent: end it now, as if its expiry date had come.",
        _ => "",
    };

    private static string PastTense(LinkTrigger action) => action switch
    {
        LinkTrigger.Publish => "published",
        LinkTrigger.Unpublish => "moved back to draft",
        LinkTrigger.Disable => "disabled",
        LinkTrigger.Enable => "enabled",
        LinkTrigger.Archive => "archived",
        LinkTrigger.ExpireNow => "expired",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static bool NeedsConfirmation(LinkTrigger action) => action is LinkTrigger.Archive or LinkTrigger.ExpireNow;

    public async Task<bool> ConfirmAsync(LinkTrigger action, string subject)
    {
        if (!NeedsConfirmation(action))
            return true;
        var consequence = action == LinkTrigger.Archive
            ? "Archiving is permanent: the link stops taking payments and leaves the default list."
            : "Expiring is permanent: the link stops taking payments at once.";
        return await confirmations.AskAsync($"{Label(action)} {subject}", $"{consequence} {Label(action)} {subject}?", Label(action));
    }

    /// <summary>Runs the action and returns the link as it now stands, refused or not (null if it is gone).</summary>
    public async Task<LinkView?> RunAsync(MerchantCaller caller, LinkView link, LinkTrigger action)
    {
        if (!await ConfirmAsync(action, $"“{link.Title}”"))
            return link;
        var result = await links.ApplyAsync(caller, link.Id, action);
        if (result.IsSuccess)
        {
            Notify(Severity.Success, $"“{link.Title}” {PastTense(action)}.");
            return result.Value;
        }
        NotifyRefusal(result.Refusal);
        var fresh = await links.GetAsync(caller, link.Id);
        return fresh.IsSuccess ? fresh.Value : null;
    }

    /// <summary>Applies one action to many links; each row gets its own outcome.</summary>
    public async Task<IReadOnlyList<BulkOutcome>> RunManyAsync(MerchantCaller caller, IReadOnlyList<LinkView> selected, LinkTrigger action)
    {
        if (!await ConfirmAsync(action, selected.Count == 1 ? $"“{selected[0].Title}”" : $"{selected.Count} links"))
            return [];
        var outcomes = new List<BulkOutcome>();
        foreach (var link in selected)
        {
            var result = await links.ApplyAsync(caller, link.Id, action);
            outcomes.Add(new BulkOutcome(link.Id, link.Title, result.IsSuccess,
                result.IsSuccess ? PastTense(action) : result.Refusal.Message));
        }
        var refused = outcomes.Count(o => !o.Succeeded);
        Notify(refused == 0 ? Severity.Success : Severity.Warning,
            $"{outcomes.Count - refused} {PastTense(action)}, {refused} refused.");
        return outcomes;
    }

    public async Task<LinkView?> DuplicateAsync(MerchantCaller caller, LinkView link)
    {
        var copy = await links.DuplicateAsync(caller, link.Id);
        if (copy.IsSuccess)
        {
            Notify(Severity.Success, $"Draft copy of “{link.Title}” created.");
            return copy.Value;
        }
        NotifyRefusal(copy.Refusal);
        return null;
    }

    private void NotifyRefusal(Refusal refusal) =>
        snackbar.Add($"Not done: {refusal.Message}", Severity.Error, options => options.VisibleStateDuration = 10_000);

    private void Notify(Severity severity, string message) => snackbar.Add(message, severity);
}

public sealed record BulkOutcome(Guid LinkId, string Title, bool Succeeded, string Message);
