using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Dashboard.Components.Checkout;

namespace PaymentLinks.Dashboard.Checkout;

/// <summary>
/// The checkout's own pages where no endpoint answers: too many requests, an unexpected failure. A customer stays on
/// pages of the checkout's look and language, never the dashboard's.
/// </summary>
public static class CheckoutFailurePages
{
    /// <summary>An exception under /pay answers 500 with the checkout's page (the dashboard's handler keeps every other path).</summary>
    public static void UseCheckoutFailurePage(this WebApplication app) =>
        app.UseWhen(CheckoutEndpoints.IsCheckout, checkout => checkout.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = http => Page(CheckoutProblem.Failed).ExecuteAsync(http),
        }));

    public static IResult Page(CheckoutProblem problem, int? retryAfterSeconds = null) =>
        new RazorComponentResult<UnavailablePage>(new Dictionary<string, object?>
        {
            ["Problem"] = problem,
            ["RetryAfterSeconds"] = retryAfterSeconds,
        }) { StatusCode = problem.StatusCode() };
}
