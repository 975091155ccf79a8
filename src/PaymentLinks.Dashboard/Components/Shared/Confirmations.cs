using Microsoft.JSInterop;
using MudBlazor;

namespace PaymentLinks.Dashboard.Components.Shared;

/// <summary>The one way the dashboard asks before an irreversible action; focus returns to where it was once answered.</summary>
public sealed class Confirmations(IDialogService dialogs, IJSRuntime js)
{
    private static readonly DialogOptions Options = new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };

    public async Task<bool> AskAsync(string title, string message, string confirmText, bool destructive = true)
    {
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.Destructive, destructive },
        }, Options);
        var result = await dialog.Result;
        try
        {
            await js.InvokeVoidAsync("paymentLinks.returnFocus");
        }
        catch (JSDisconnectedException)
        {
            // The browser left while the question was open: there is no focus to return.
        }
        return result is { Canceled: false };
    }
}
