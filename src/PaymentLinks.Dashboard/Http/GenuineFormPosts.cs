using Microsoft.AspNetCore.Antiforgery;

namespace PaymentLinks.Dashboard.Http;

public static class GenuineFormPosts
{
    /// <summary>
    /// True when a form post carries this site's antiforgery token. A body that cannot even be read as a form
    /// (a broken multipart upload, say) is just as untrustworthy: it answers false instead of throwing a 500.
    /// </summary>
    public static async Task<bool> IsGenuineFormPostAsync(this IAntiforgery antiforgery, HttpContext http)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
