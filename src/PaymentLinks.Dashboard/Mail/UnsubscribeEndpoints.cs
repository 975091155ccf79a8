using Microsoft.AspNetCore.Http.HttpResults;
using PaymentLinks.Dashboard.Components.Mail;
using PaymentLinks.Infrastructure.Mail;

namespace PaymentLinks.Dashboard.Mail;

/// <summary>
/// The unsubscribe address of notification mail. A GET only asks (link scanners open every link of a mail); the POST,
/// from the page's button or from a mail client's one-click unsubscribe (RFC 8058), switches the kind off. The token
/// is the credential, so the POST takes no cookie and no antiforgery token.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static void MapUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        var unsubscribe = endpoints.MapGroup("/mail/unsubscribe/{token}").ExcludeFromDescription();
        unsubscribe.MapGet("", (string token, MailUnsubscribe mail) => Page(mail.KindOf(token), done: false));
        unsubscribe.MapPost("", async (string token, MailUnsubscribe mail, HttpContext http) =>
            Page(mail.KindOf(token), done: await mail.ApplyAsync(token, http.RequestAborted))).DisableAntiforgery();
    }

    private static RazorComponentResult<UnsubscribePage> Page(MailKind? kind, bool done) =>
        new(new Dictionary<string, object?> { ["Kind"] = kind, ["Done"] = done })
        {
            StatusCode = kind is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
}
