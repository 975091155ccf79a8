using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using PaymentLinks.Infrastructure.Identity;
using PaymentLinks.Infrastructure.Persistence;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// A signed-out session stays signed out on every request, not only in open dashboards (<see cref="SessionRevalidation"/>):
/// a sign-in cookie copied before its sign-out (a shared computer, a stolen backup) opens nothing afterwards, on any
/// instance, because the ended session is in the shared database. One indexed lookup per signed-in request.
/// </summary>
public static class EndedSessions
{
    /// <summary>Records the sign-out of a session once, however many sign-outs of it arrive, at once or one after another.</summary>
    public static async Task EndAsync(AppDbContext db, string session, DateTimeOffset now)
    {
        if (await db.EndedSessions.AnyAsync(s => s.SessionId == session))
            return;
        db.EndedSessions.Add(new EndedSession(session, now));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.EndedSessions.AnyAsync(s => s.SessionId == session))
                throw;
            // Another sign-out of the same session got there first: it is ended, which is all that was asked.
        }
    }

    public static Func<CookieValidatePrincipalContext, Task> RejectAfter(Func<CookieValidatePrincipalContext, Task> securityStampCheck) => async context =>
    {
        await securityStampCheck(context);
        if (context.Principal is not { } principal)
            return;
        var session = principal.FindFirstValue(MerchantClaimsPrincipalFactory.SessionIdClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        if (session is null || await db.EndedSessions.AnyAsync(s => s.SessionId == session, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    };
}
