using Microsoft.AspNetCore.Identity;
using PaymentLinks.Infrastructure.Identity;

namespace PaymentLinks.Dashboard.Identity;

/// <summary>
/// Where account emails go while no mail server is part of the product: the log. In Development the log
/// carries the link itself, so a developer can click it; elsewhere only the fact that none was sent. A real
/// sender implements <see cref="IEmailSender{TUser}"/> (SMTP, a mail API) and is registered instead of this
/// one in <c>DashboardSetup.AddDashboard</c>.
/// </summary>
public sealed class LogEmailSender(IHostEnvironment environment, ILogger<LogEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
    {
        if (environment.IsDevelopment())
            logger.LogInformation("Password reset link for {Email}: {Link}", email, resetLink);
        else
            logger.LogWarning("No mail server is configured: the password reset link for {Email} was not sent", email);
        return Task.CompletedTask;
    }

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) => Task.CompletedTask;

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) => Task.CompletedTask;
}
