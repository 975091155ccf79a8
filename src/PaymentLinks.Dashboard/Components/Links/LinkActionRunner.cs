using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
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
    PaymentLinkService links, Confirmations confirmations, ISnackbar snackbar, IStringLocalizer<LinksText> text, DomainWords words)
{
    /// <summary>The action's name on its button or menu item ("Expire now").</summary>
    public string Label(LinkTrigger action) => Said(action, "Label");

    /// <summary>One line on what the action does, so Unpublish, Disable, Archive and Expire now can be told apart.</summary>
    public string Hint(LinkTrigger action) => action.IsMerchantAction() ? Said(action, "Hint") : "";

    /// <summary>
    /// A merchant action's words of one kind (<c>Actions.Publish.Label</c>); what only the system does (a deadline passing)
    /// is never offered, and keeps its code name.
    /// </summary>
    private string Said(LinkTrigger action, string part, params object[] values) =>
        action.IsMerchantAction() ? text[$"Actions.{action}.{part}", values].Value : action.ToString();

    public static bool NeedsConfirmation(LinkTrigger action) => action is LinkTrigger.Archive or LinkTrigger.ExpireNow;

    /// <summary>Asks before a permanent action; <paramref name="subject"/> is "“title”" or "3 links" (<see cref="Subject"/>).</summary>
    public async Task<bool> ConfirmAsync(LinkTrigger action, string subject)
    {
        if (!NeedsConfirmation(action))
            return true;
        return await confirmations.AskAsync(Said(action, "ConfirmTitle", subject), Said(action, "ConfirmBody", subject), Label(action));
    }

    /// <summary>What a confirmation names: the one link's title in quotes, or how many links.</summary>
    private string Subject(IReadOnlyList<LinkView> selected) =>
        selected.Count == 1 ? text["Actions.Subject.One", selected[0].Title].Value : text["Actions.Subject.Other", selected.Count].Value;

    /// <summary>Runs the action and returns the link as it now stands, refused or not (null if it is gone).</summary>
    public async Task<LinkView?> RunAsync(MerchantCaller caller, LinkView link, LinkTrigger action)
    {
        if (!await ConfirmAsync(action, Subject([link])))
            return link;
        var result = await links.ApplyAsync(caller, link.Id, action);
        if (result.IsSuccess)
        {
            Notify(Severity.Success, Said(action, "Done", link.Title));
            return result.Value;
        }
        NotifyRefusal(result.Refusal);
        var fresh = await links.GetAsync(caller, link.Id);
        return fresh.IsSuccess ? fresh.Value : null;
    }

    /// <summary>Applies one action to many links; each row gets its own outcome.</summary>
    public async Task<IReadOnlyList<BulkOutcome>> RunManyAsync(MerchantCaller caller, IReadOnlyList<LinkView> selected, LinkTrigger action)
    {
        if (!await ConfirmAsync(action, Subject(selected)))
            return [];
        var outcomes = new List<BulkOutcome>();
        foreach (var link in selected)
        {
            var result = await links.ApplyAsync(caller, link.Id, action);
            outcomes.Add(new BulkOutcome(link.Id, link.Title, result.IsSuccess,
                result.IsSuccess ? Said(action, "PastTense") : words.Say(result.Refusal)));
        }
        var refused = outcomes.Count(o => !o.Succeeded);
        Notify(refused == 0 ? Severity.Success : Severity.Warning,
            Said(action, "Summary", outcomes.Count - refused, refused));
        return outcomes;
    }

    public async Task<LinkView?> DuplicateAsync(MerchantCaller caller, LinkView link)
    {
        var copy = await links.DuplicateAsync(caller, link.Id);
        if (copy.IsSuccess)
        {
            Notify(Severity.Success, text["Actions.Duplicated", link.Title].Value);
            return copy.Value;
        }
        NotifyRefusal(copy.Refusal);
        return null;
    }

    private void NotifyRefusal(Refusal refusal) =>
        snackbar.Add(text["Actions.NotDone", words.Say(refusal)].Value, Severity.Error, options => options.VisibleStateDuration = 10_000);

    private void Notify(Severity severity, string message) => snackbar.Add(message, severity);
}

public sealed record BulkOutcome(Guid LinkId, string Title, bool Succeeded, string Message);
