using Bunit;
using PaymentLinks.Dashboard.Components.Pages;
using PaymentLinks.Dashboard.Tests.Localization;
using PaymentLinks.Domain.Merchants;

namespace PaymentLinks.Dashboard.Tests.Components;

public sealed class NotAllowedPageTests : DashboardTestContext
{
    [Theory]
    [InlineData("en", "The Viewer role does not allow this. An owner or admin of the business can change roles.")]
    [InlineData("de", "Die Rolle Betrachter erlaubt das nicht. Inhaber und Administratoren des Unternehmens können Rollen ändern.")]
    [InlineData("ar", "لا يسمح دور المشاهد بهذا. يمكن لمالك النشاط التجاري أو أحد مسؤوليه تغيير الأدوار.")]
    public void The_refusal_names_the_role_held_in_the_pages_language(string language, string refusal)
    {
        using var _ = new CultureScope(language);
        UseSession(SessionAs(MemberRole.Viewer));

        var page = RenderPage<NotAllowed>();

        Assert.Contains(page.FindAll("p"), p => p.TextContent.Trim() == refusal);
    }
}
