using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PaymentLinks.Dashboard.Components.Checkout;
using PaymentLinks.Infrastructure.Payments;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>
/// The receipt of a payment whose bank is still confirming it, without a script and without reloading: the page saying
/// "confirming" goes out at once, the response stays open until the bank has answered (at most <see cref="MaxWait"/>),
/// then the outcome follows in the same page and the stylesheet shows it in place of the wait. A bank slower than that
/// leaves the page on "confirming", and opening it again waits again.
/// </summary>
internal sealed class ConfirmingReceipt(CheckoutView link, PaymentView confirming, bool paidHere, PaymentService payments) : IResult
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var renderer = new HtmlRenderer(http.RequestServices, http.RequestServices.GetRequiredService<ILoggerFactory>());
        var page = await RenderAsync(renderer, confirming, outcomeOnly: false);
        var split = page.IndexOf(ReceiptPage.OutcomeMarker, StringComparison.Ordinal);
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(page[..split], http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        if (await AnsweredAsync(http.RequestAborted) is { } answered)
            await http.Response.WriteAsync(await RenderAsync(renderer, answered, outcomeOnly: true), http.RequestAborted);
        await http.Response.WriteAsync(page[(split + ReceiptPage.OutcomeMarker.Length)..], http.RequestAborted);
    }

    /// <summary>The payment once the bank has answered for it; null if it has not within <see cref="MaxWait"/>.</summary>
    private async Task<PaymentView?> AnsweredAsync(CancellationToken ct)
    {
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waited.CancelAfter(MaxWait);
        try
        {
            while (true)
            {
                await Task.Delay(PollInterval, waited.Token);
                if (await payments.FindAsync(confirming.Id, waited.Token) is { Confirming: false } answered)
                    return answered;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private Task<string> RenderAsync(HtmlRenderer renderer, PaymentView payment, bool outcomeOnly)
    {
        var values = new Dictionary<string, object?>
        {
            ["Link"] = link, ["Payment"] = payment, ["PaidHere"] = paidHere, ["OutcomeOnly"] = outcomeOnly,
            ["ReturnUrl"] = payment.Confirming ? null : link.ReturnUrlFor(payment),
        };
        return renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ReceiptPage>(ParameterView.FromDictionary(values))).ToHtmlString());
    }
}
