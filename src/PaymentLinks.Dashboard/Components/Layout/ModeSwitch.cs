namespace PaymentLinks.Dashboard.Components.Layout;

/// <summary>Where the dashboard goes when the merchant switches between test and live mode.</summary>
public static class ModeSwitch
{
    /// <summary>
    /// The page's section without what names one link or payment, and without filters that may name one:
    /// <c>links/{id}/edit</c> → <c>links</c>, <c>payments?link={id}</c> → <c>payments</c>, <c>settings/webhooks</c> stays.
    /// </summary>
    public static string SectionOf(string relativePath)
    {
        var path = relativePath.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kept = segments.TakeWhile(segment => !Guid.TryParse(segment, out _) && segment != "new");
        return string.Join('/', kept);
    }
}
