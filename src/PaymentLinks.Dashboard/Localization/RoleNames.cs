using Microsoft.Extensions.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Dashboard.Localization;

public static class RoleNames
{
    /// <summary>A role's name in the page's language (the members page and the API keys page name the same roles).</summary>
    public static string RoleName(this IStringLocalizer<IntegrationText> text, MemberRole role) =>
        text[$"Role.{role}"] is { ResourceNotFound: false } name ? name : role.ToString();
}
