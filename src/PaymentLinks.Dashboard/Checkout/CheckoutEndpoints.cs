using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Dashboard.Components.Checkout;
using PaymentLinks.Dashboard.Http;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Payments.Providers;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>
/// The customer's pages: statically rendered components behind plain forms (no circuit, no component
/// library). Every step is safe to refresh, go back to or re-submit: posts redirect (303) to a GET of the
/// step's outcome, starting is idempotent per page token, finishing is idempotent per payment.
/// </summary>
public static class CheckoutEndpoints
{
    private const int CheckoutTokenLength = 32;
    private const string CheckoutCookie = "pl_checkout";

    /// <summary>Where every customer's page lives.</summary>
    public const string PathPrefix = "/pay";

    public static bool IsCheckout(HttpContext http) => http.Request.Path.StartsWithSegments(PathPrefix);

    public static void MapCheckout(this IEndpointRouteBuilder endpoints)
    {
        var pay = endpoints.MapGroup(PathPrefix).ExcludeFromDescription();
        pay.MapGet("/{publicId}", OpenAsync);
        pay.MapPost("/{publicId}", StartAsync).DisableAntiforgery();
        pay.MapGet("/{publicId}/bank/{paymentId:guid}", BankAsync);
        pay.MapPost("/{publicId}/bank/{paymentId:guid}/{answer}", AnswerAsync).DisableAntiforgery();
        pay.MapGet("/{publicId}/payments/{paymentId:guid}", ResultAsync);
        pay.MapGet("/{publicId}/stripe/{paymentId:guid}", ReturnFromStripeAsync);
    }

    private static async Task<IResult> OpenAsync(
        string publicId, HttpContext http, CheckoutService checkout, PaymentService payments, IAntiforgery antiforgery, CheckoutDraft draft)
    {
        var link = await checkout.OpenAsync(publicId, countView: true, http.RequestAborted);
        if (link is null)
            return Problem(CheckoutProblem.NotFound);
        if (link.Unavailable is { } refusal)
            return Problem(CheckoutProblems.From(refusal), link);
        var token = await CheckoutTokenAsync(http, link, payments);
        return PayPage(http, antiforgery, link, token, draft.Read(http), []);
    }

    /// <summary>
    /// The browser keeps its checkout token for a link while the payment it started is unfinished, so going
    /// back to the pay page and paying again continues that payment. Once it has ended, a new token starts
    /// a new purchase.
    /// </summary>
    private static async Task<string> CheckoutTokenAsync(HttpContext http, CheckoutView link, PaymentService payments)
    {
        var kept = http.Request.Cookies[CheckoutCookie];
        if (IsCheckoutToken(kept) && await payments.FindByCheckoutTokenAsync(link.LinkId, kept!) is not { IsFinished: true })
            return kept!;
        var token = RandomNumberGenerator.GetHexString(CheckoutTokenLength, lowercase: true);
        http.Response.Cookies.Append(CheckoutCookie, token, new CookieOptions
        {
            Path = $"/pay/{link.PublicId}",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromHours(1),
        });
        return token;
    }

    private static string CheckoutTokenOf(HttpContext http) => http.Request.Cookies[CheckoutCookie] ?? "";

    private static bool IsCheckoutToken(string? token) =>
        token is { Length: CheckoutTokenLength } && token.All(char.IsAsciiHexDigitLower);

    private static async Task<IResult> StartAsync(
        string publicId, HttpContext http, PaymentService payments, CheckoutService checkout, IAntiforgery antiforgery, CheckoutDraft draft,
        StripeCheckout stripe)
    {
        if (!await antiforgery.IsGenuineFormPostAsync(http))
            return Problem(CheckoutProblem.FormExpired);
        // The form's token must be the one this browser was given with the page: a script cannot mint its own.
        var token = http.Request.Form["checkout_token"].ToString();
        if (!IsCheckoutToken(token) || !Secrets.AreEqual(CheckoutTokenOf(http), token))
            return Problem(CheckoutProblem.FormExpired);
        var link = await checkout.OpenAsync(publicId, countView: false, http.RequestAborted);
        if (link is null)
            return Problem(CheckoutProblem.NotFound);
        var answers = CheckoutFields.Read(http.Request.Form, link.Asks.Fields.Count);
        draft.Keep(http, publicId, answers);
        if (CheckoutFields.IsReview(http.Request.Form) && link.CanPay)
            return SeeOther($"/pay/{publicId}");
        var started = await payments.StartAsync(publicId, token, answers, CultureInfo.CurrentUICulture.Name, http.RequestAborted);
        if (started.Refusal is { Code: RefusalCodes.InvalidRequest } invalid)
            return PayPage(http, antiforgery, link, token, answers, invalid.Fields);
        if (!started.IsSuccess)
            return Problem(CheckoutProblems.From(started.Refusal), await checkout.OpenAsync(publicId, countView: false));
        if (started.Value.Status == PaymentStatus.Pending && await stripe.PaysThroughStripeAsync(link, http.RequestAborted))
        {
            var sent = await stripe.SendToStripeAsync(link, started.Value.Id, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", http.RequestAborted);
            if (sent.Settled) // paid in another tab meanwhile
                return Finished(http, draft, link, await payments.FindAsync(started.Value.Id, http.RequestAborted) ?? started.Value);
            return sent.Url is { } stripePage ? SeeOther(stripePage) : Problem(CheckoutProblem.ProviderUnavailable, link, tryAgain: $"/pay/{publicId}");
        }
        return SeeOther(started.Value.Status == PaymentStatus.Pending
            ? $"/pay/{publicId}/bank/{started.Value.Id}"
            : $"/pay/{publicId}/payments/{started.Value.Id}");
    }

    /// <summary>The pay page; after a post, with what was typed kept and a message by each field at fault.</summary>
    private static IResult PayPage(HttpContext http, IAntiforgery antiforgery, CheckoutView link, string token, CheckoutAnswers answers, IReadOnlyList<FieldError> errors)
    {
        var form = Form(http, antiforgery, token);
        Private(http);
        return new RazorComponentResult<PayPage>(new Dictionary<string, object?>
        {
            ["Link"] = link,
            ["Form"] = form,
            ["Answers"] = answers,
            ["Refused"] = errors,
        }) { StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK };
    }

    private static async Task<IResult> BankAsync(string publicId, Guid paymentId, HttpContext http, CheckoutService checkout, PaymentService payments, IAntiforgery antiforgery)
    {
        var (link, payment) = await FindAsync(publicId, paymentId, checkout, payments, CheckoutTokenOf(http));
        if (link is null || payment is null)
            return Problem(CheckoutProblem.NotFound);
        if (payment is not { Status: PaymentStatus.Pending, Confirming: false })
            return SeeOther($"/pay/{publicId}/payments/{paymentId}");
        if (payment.AtProvider) // its customer pays on the provider's page, which the pay page sends them back to
            return SeeOther($"/pay/{publicId}");
        // Never from history (antiforgery's no-store stays): back to the bank step of a finished payment must ask
        // the server, which answers with the receipt.
        return Page<BankPage>(new() { ["Link"] = link, ["Payment"] = payment, ["Form"] = Form(http, antiforgery, "") });
    }

    /// <summary>The customer's answer at the sandbox bank: one of <see cref="SandboxAnswers"/>.</summary>
    private static async Task<IResult> AnswerAsync(
        string publicId, Guid paymentId, string answer, HttpContext http, CheckoutService checkout, PaymentService payments, IAntiforgery antiforgery,
        CheckoutDraft draft)
    {
        if (!SandboxAnswers.IsKnown(answer))
            return Problem(CheckoutProblem.NotFound);
        if (!await antiforgery.IsGenuineFormPostAsync(http))
            return Problem(CheckoutProblem.FormExpired);
        var (link, payment) = await FindAsync(publicId, paymentId, checkout, payments, CheckoutTokenOf(http));
        // The sandbox bank answers for test links only; a live link's customer pays at its provider.
        if (link is null || payment is null || link.Livemode)
            return Problem(CheckoutProblem.NotFound);
        var ct = http.RequestAborted;
        if (payment.AtProvider)
            return Problem(CheckoutProblem.NotFound);
        var finished = answer switch
        {
            SandboxAnswers.Approve => await payments.CompleteAsync(paymentId, ct),
            SandboxAnswers.ApproveLater => await payments.AwaitConfirmationAsync(paymentId, ct),
            SandboxAnswers.InsufficientFunds => await payments.FailAsync(paymentId, RefusalCodes.InsufficientFunds, ct),
            _ => await payments.FailAsync(paymentId, RefusalCodes.PaymentDeclined, ct),
        };
        // Refused only when the attempt is gone (pruned as abandoned between the page and the click).
        if (!finished.IsSuccess)
            return Problem(CheckoutProblem.NotFound);
        return Finished(http, draft, link, finished.Value);
    }

    /// <summary>
    /// Back from Stripe's page (its success URL): Stripe is asked about the session at once, since its webhook may come
    /// later. When Stripe cannot be asked, the receipt says "confirming" until the webhook or reconciliation settles it.
    /// </summary>
    private static async Task<IResult> ReturnFromStripeAsync(
        string publicId, Guid paymentId, HttpContext http, CheckoutService checkout, PaymentService payments, StripeCheckout stripe, CheckoutDraft draft)
    {
        var (link, payment) = await FindAsync(publicId, paymentId, checkout, payments, CheckoutTokenOf(http));
        if (link is null || payment is not { AtProvider: true })
            return Problem(CheckoutProblem.NotFound);
        if (!payment.IsFinished && !await stripe.SettleFromStripeAsync(link.MerchantId, link.Livemode, paymentId, http.RequestAborted))
            await payments.AwaitConfirmationAsync(paymentId, http.RequestAborted);
        return Finished(http, draft, link, await payments.FindAsync(paymentId, http.RequestAborted) ?? payment);
    }

    /// <summary>Where a customer goes once the rail has answered: the merchant's return URL after a payment, else the receipt or the refusal.</summary>
    private static IResult Finished(HttpContext http, CheckoutDraft draft, CheckoutView link, PaymentView payment)
    {
        if (payment is { Status: PaymentStatus.Completed })
        {
            draft.Forget(http, link.PublicId); // the next purchase starts afresh; after a decline, Try again finds the answers
            if (link.ReturnUrlFor(payment) is { } returnUrl)
                return SeeOther(returnUrl);
        }
        return SeeOther($"/pay/{link.PublicId}/payments/{payment.Id}");
    }

    private static async Task<IResult> ResultAsync(string publicId, Guid paymentId, HttpContext http, CheckoutService checkout, PaymentService payments)
    {
        var (link, payment) = await FindAsync(publicId, paymentId, checkout, payments);
        if (link is null || payment is null)
            return Problem(CheckoutProblem.NotFound);
        if (payment is { Status: PaymentStatus.Pending, Confirming: false })
            return SeeOther(payment.AtProvider ? $"/pay/{publicId}" : $"/pay/{publicId}/bank/{paymentId}");
        // Refused at completion (the link was used up, disabled, expired meanwhile): the page for that reason, and
        // the word that the bank's authorization is released.
        if (payment is { Status: PaymentStatus.Failed, FailureReason: not (RefusalCodes.PaymentDeclined or RefusalCodes.InsufficientFunds) })
            return Problem(CheckoutProblems.FromCode(payment.FailureReason), link, notCharged: payment.WasAuthorized);
        var paidHere = await payments.FindStartedWithAsync(paymentId, CheckoutTokenOf(http)) is not null;
        http.Response.Headers.CacheControl = "no-store"; // the customer's details, on a shared computer too
        if (payment.Confirming)
            return new ConfirmingReceipt(link, payment, paidHere, payments);
        return Page<ReceiptPage>(new() { ["Link"] = link, ["Payment"] = payment, ["ReturnUrl"] = link.ReturnUrlFor(payment), ["PaidHere"] = paidHere });
    }

    /// <summary>
    /// A payment, only through the link it belongs to: another link's URL finds nothing. With a checkout token,
    /// only for the browser that started it: the bank step cannot be answered from anywhere else.
    /// </summary>
    private static async Task<(CheckoutView? Link, PaymentView? Payment)> FindAsync(
        string publicId, Guid paymentId, CheckoutService checkout, PaymentService payments, string? startedWith = null)
    {
        var link = await checkout.OpenAsync(publicId, countView: false);
        var payment = link is null ? null
            : startedWith is null ? await payments.FindAsync(paymentId)
            : await payments.FindStartedWithAsync(paymentId, startedWith);
        return payment?.LinkId == link?.LinkId ? (link, payment) : (null, null);
    }

    private static CheckoutForm Form(HttpContext http, IAntiforgery antiforgery, string checkoutToken)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new CheckoutForm(tokens.FormFieldName, tokens.RequestToken!, checkoutToken);
    }

    private static IResult Problem(CheckoutProblem problem, CheckoutView? link = null, bool notCharged = false, string? tryAgain = null) =>
        new RazorComponentResult<UnavailablePage>(new Dictionary<string, object?>
        {
            ["Problem"] = problem,
            // An unknown id and a draft get the very same page: nothing about the link, not even its merchant.
            ["BusinessName"] = problem == CheckoutProblem.NotFound ? null : link?.BusinessName,
            ["MerchantMessage"] = problem == CheckoutProblem.Disabled ? link?.DisabledMessage : null,
            ["Brand"] = problem == CheckoutProblem.NotFound ? null : link?.Brand,
            ["TestMode"] = problem != CheckoutProblem.NotFound && link is { Livemode: false },
            ["NotCharged"] = notCharged,
            ["TryAgainHref"] = tryAgain,
        }) { StatusCode = problem.StatusCode() };

    private static RazorComponentResult<T> Page<T>(Dictionary<string, object?> parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters);

    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    // Revalidated on every normal visit, yet kept for the back button: a page restored from history posts
    // its original checkout token again, which finds the payment it already started instead of a new one.
    // Set after the antiforgery token is made, which would otherwise replace it with no-store (and log each time).
    private static void Private(HttpContext http) => http.Response.Headers.CacheControl = "private, no-cache";

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
