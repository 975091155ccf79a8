using Microsoft.EntityFrameworkCore;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Bench;

/// <summary>The demo's checkout pages that wrk loads: a payable link that asks nothing required, and a disabled one.</summary>
public static class DemoPages
{
    public static async Task PrintAsync(BenchServices services)
    {
        var merchant = await BenchMerchant.DemoAsync(services);
        await using var db = services.NewContext();
        var demo = db.PaymentLinks.Where(l => l.MerchantId == merchant.MerchantId);
        var payable = await demo.Where(l => l.Status == LinkStatus.Active && l.Title.StartsWith("Invoice")).Select(l => l.PublicId).FirstAsync();
        var disabled = await demo.Where(l => l.Status == LinkStatus.Disabled).Select(l => l.PublicId).FirstAsync();
        Console.WriteLine($"{payable} {disabled}");
    }
}
