using PaymentLinks.Infrastructure;

namespace PaymentLinks.Dashboard.Tests.Operations;

/// <summary>An outside answer on its way into a log line loses the email addresses it repeats, and keeps the rest.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("550 5.1.1 <ann.customer@example.test>: Recipient address rejected", "550 5.1.1 <[address]>: Recipient address rejected")]
    [InlineData("Invalid email address: bob+gifts@shop.example.co.uk", "Invalid email address: [address]")]
    [InlineData("451 Try again later", "451 Try again later")]
    public void Email_addresses_are_replaced_and_nothing_else_changes(string answer, string logged) =>
        Assert.Equal(logged, LogText.WithoutAddresses(answer));
}
