using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaymentLinks.Infrastructure.Mail;

/// <summary>
/// Renders a message template (a Razor component under <c>Mail/Templates</c>) to HTML outside any request. Razor
/// encodes every value it writes, so no merchant's or customer's text reaches a message as markup.
/// </summary>
public sealed class MailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TTemplate>(IDictionary<string, object?> parameters) where TTemplate : IComponent
    {
        // A scope of its own: the renderer asks for the components' scoped services, as a request's would.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TTemplate>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
