using PaymentLinks.Domain.Common;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>Why a customer cannot pay, each with its own page and HTTP status.</summary>
public enum CheckoutProblem
{
    NotFound,
    Disabled,
    Expired,
    Used,
    Archived,
    FormExpired,
    /// <summary>The merchant's payment provider (Stripe) did not answer or refused: nothing was charged, and trying again may work.</summary>
    ProviderUnavailable,
    /// <summary>Past the rate limit of one client address (<see cref="Http.ClientRateLimits"/>).</summary>
    TooManyRequests,
    /// <summary>An unexpected failure: the page could not be made.</summary>
    Failed,
}

public static class CheckoutProblems
{
    public static CheckoutProblem From(Refusal refusal) => FromCode(refusal.Code);

    /// <summary>From a refusal code, as stored on a payment refused at completion.</summary>
    public static CheckoutProblem FromCode(string? code) => code switch
    {
        RefusalCodes.LinkDisabled => CheckoutProblem.Disabled,
        RefusalCodes.LinkExpired => CheckoutProblem.Expired,
        RefusalCodes.LinkUsed => CheckoutProblem.Used,
        RefusalCodes.LinkArchived => CheckoutProblem.Archived,
        RefusalCodes.PaymentAbandoned or RefusalCodes.OrderChanged => CheckoutProblem.FormExpired,
        _ => CheckoutProblem.NotFound,
    };

    public static int StatusCode(this CheckoutProblem problem) => problem switch
    {
        CheckoutProblem.Disabled => StatusCodes.Status403Forbidden,
        CheckoutProblem.Expired or CheckoutProblem.Used or CheckoutProblem.Archived => StatusCodes.Status410Gone,
        CheckoutProblem.FormExpired => StatusCodes.Status400BadRequest,
        CheckoutProblem.ProviderUnavailable => StatusCodes.Status503ServiceUnavailable,
        CheckoutProblem.TooManyRequests => StatusCodes.Status429TooManyRequests,
        CheckoutProblem.Failed => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status404NotFound,
    };
}

/// <summary>The hidden fields every checkout form carries.</summary>
public sealed record CheckoutForm(string AntiforgeryField, string AntiforgeryToken, string CheckoutToken);
