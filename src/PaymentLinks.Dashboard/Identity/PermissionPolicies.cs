using Microsoft.AspNetCore.Authorization;
using PaymentLinks.Dashboard.Api;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Infrastructure.Merchants;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// A page or route open only to roles with <paramref name="permission"/> (in the mode the caller works in): a member
/// without it gets the not-allowed page, an API key without it 403.
/// </summary>
public sealed class RequiresAttribute(Permission permission) : AuthorizeAttribute(PermissionPolicies.Name(permission));

public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>One authorization policy per permission of the domain's role table.</summary>
public static class PermissionPolicies
{
    public const string NotAllowedPath = "/not-allowed";

    /// <summary>What an API key was refused (a <see cref="Permission"/>), for <see cref="ApiKeyAuthentication"/>'s 403 answer.</summary>
    public const string RefusedPermissionItem = "refused-permission";

    public static string Name(Permission permission) => $"permission:{permission}";

    public static void AddPermissionPolicies(this IServiceCollection services)
    {
        var policies = services.AddAuthorizationBuilder();
        foreach (var permission in Enum.GetValues<Permission>())
            policies.AddPolicy(Name(permission), policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Name(permission));
}

/// <summary>
/// Decides from the role stored now: read once per request, or once per circuit (whose pages then open without waiting
/// on the database, so a page is not taken down and put up again while it is asked). A circuit learns of a changed role
/// at its next check and reloads (<c>RoleWatch</c>); every change a service makes checks the stored role again anyway.
/// An API key's role came from the database with the key on this request.
/// </summary>
public sealed class PermissionHandler(MerchantSessions sessions) : AuthorizationHandler<PermissionRequirement>
{
    private MerchantSession? _member;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (ApiKeyAuthentication.RoleOf(context.User) is { } keyRole)
        {
            if (RolePermissions.Allows(keyRole, requirement.Permission))
                context.Succeed(requirement);
            else if (context.Resource is HttpContext http)
                http.Items[PermissionPolicies.RefusedPermissionItem] = requirement.Permission;
            return;
        }
        if (MerchantClaims.SignedInOf(context.User) is not var (merchantId, userId))
            return;
        if (_member is null || _member.MerchantId != merchantId || _member.UserId != userId)
            _member = await sessions.LoadAsync(merchantId, userId);
        if (_member is { } member && RolePermissions.Allows(member.Role, member.GrantedLive, requirement.Permission, member.ViewsLiveMode))
            context.Succeed(requirement);
    }
}
