using Microsoft.Extensions.DependencyInjection;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Domain.Links;
using PaymentLinks.Domain.Merchants;
using PaymentLinks.Domain.Payments;
using PaymentLinks.Infrastructure.ApiKeys;
using PaymentLinks.Infrastructure.Branding;
using PaymentLinks.Infrastructure.Links;
using PaymentLinks.Infrastructure.Merchants;
using PaymentLinks.Infrastructure.Payments;
using PaymentLinks.Infrastructure.Payments.Providers;
using PaymentLinks.Infrastructure.Webhooks;
using PaymentLinks.Tests.Shared;

namespace PaymentLinks.Dashboard.Tests.Localization;

/// <summary>
/// What the services refuse a business's people, said in the dashboard's languages as their pages say it (the refusal,
/// or its first field's message): one real refusal or more of each service, each in one language.
/// </summary>
public sealed class ServiceRefusalWordsTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();
    private readonly ServiceProvider _words = new ServiceCollection().AddLogging().AddLocalization().AddTransient<DomainWords>().BuildServiceProvider();
    private MerchantCaller _owner = default!;

    private DomainWords Words => _words.GetRequiredService<DomainWords>();

    private T Service<T>() where T : notnull => _harness.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _owner = await _harness.NewMerchantAsync("Atelier Lumière");
    }

    public async Task DisposeAsync()
    {
        await _words.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Invitations_refused_are_said_in_portuguese()
    {
        var invitations = Service<Invitations>();
        var noAddress = await invitations.InviteAsync(_owner, "atelier at example", MemberRole.Viewer);
        var withdrawn = await invitations.RevokeAsync(_owner, Guid.NewGuid());
        var used = await invitations.AcceptAsync(Guid.NewGuid(), "someone");

        using var language = new CultureScope("pt-BR");
        Assert.Equal("Digite o endereço de e-mail de quem você quer convidar, como nome@exemplo.com.", Words.Say(noAddress.Refusal!));
        Assert.Equal("Esse convite não existe.", Words.Say(withdrawn.Refusal!));
        Assert.Equal("Este convite já foi usado, retirado ou expirou. Peça um novo.", Words.Say(used.Refusal!));
    }

    [Fact]
    public async Task A_member_change_refused_is_said_in_french()
    {
        var members = Service<Members>();
        var lastOwner = await members.ChangeRoleAsync(_owner, _owner.Actor.Id!, MemberRole.Admin, grantedLive: false);
        var nobody = await members.RemoveAsync(_owner, "nobody");

        using var language = new CultureScope("fr");
        Assert.Equal("Une entreprise garde toujours un propriétaire : faites d’abord de quelqu’un d’autre un propriétaire.", Words.Say(lastOwner.Refusal!));
        Assert.Equal("Ce membre n’existe pas.", Words.Say(nobody.Refusal!));
        Assert.Equal("A business always keeps an owner: make someone else an owner first.", lastOwner.Refusal!.Message);
    }

    [Fact]
    public void A_business_profile_refused_is_said_in_german_field_by_field()
    {
        var errors = MerchantProfiles.Validate(" ", "Mars/Olympus_Mons", "tlh");

        using var language = new CultureScope("de");
        Assert.Equal(
            ["Der Name des Unternehmens ist erforderlich.", "Wählen Sie eine Zeitzone aus der Liste.", "Wählen Sie eine Sprache aus der Liste."],
            errors.Select(Words.Say));
        Assert.Equal("Der Name des Unternehmens darf höchstens 100 Zeichen lang sein.",
            Words.Say(MerchantProfiles.Validate(new string('a', Merchant.BusinessNameMaxLength + 1), "Europe/Paris", null).Single()));
    }

    [Fact]
    public async Task An_api_key_refused_is_said_in_spanish()
    {
        var keys = Service<ApiKeyService>();
        var unnamed = await keys.CreateAsync(_owner, "");
        var bell = await keys.CreateAsync(_owner, "Caja\u0007");

        using var language = new CultureScope("es");
        Assert.Equal("El nombre es obligatorio, de 80 caracteres como máximo.", Words.Say(unnamed.Refusal!.Fields[0]));
        Assert.Equal("El nombre no debe contener caracteres de control.", Words.Say(bell.Refusal!.Fields[0]));
    }

    [Fact]
    public async Task A_webhook_endpoint_refused_is_said_in_arabic()
    {
        var webhooks = Service<WebhookService>();
        var plain = await webhooks.AddEndpointAsync(_owner, "ftp://hooks.example/in");
        var withPassword = await webhooks.AddEndpointAsync(_owner, "https://user:secret@hooks.example/in");
        var unknownEvent = await webhooks.SubscribeAsync(_owner, Guid.NewGuid(), ["payment.teleported"]);

        using var language = new CultureScope("ar");
        Assert.Equal("عنوان URL لنقطة النهاية: يجب أن يستخدم https.", Words.Say(plain.Refusal!.Fields[0]));
        Assert.Equal("عنوان URL لنقطة النهاية: يجب ألا يحتوي على اسم مستخدم أو كلمة مرور.", Words.Say(withPassword.Refusal!.Fields[0]));
        Assert.Equal("لا يوجد حدث باسم payment.teleported.", Words.Say(unknownEvent.Refusal!));
        Assert.Equal("Endpoint URL must use https.", plain.Refusal!.Message);
    }

    [Fact]
    public async Task A_stripe_connection_refused_is_said_in_german()
    {
        var stripe = Service<StripeConnections>();
        var liveKeyInTestMode = await stripe.ConnectAsync(_owner, "sk_live_abc");
        var notASecret = await stripe.SetWebhookSecretAsync(_owner, "secret");

        using var language = new CultureScope("de");
        Assert.Equal("Fügen Sie im Testmodus einen Test-Geheimschlüssel (sk_test_…) oder einen eingeschränkten Schlüssel (rk_test_…) ein.",
            Words.SayFirst(liveKeyInTestMode.Refusal!));
        Assert.Equal(
            "Fügen Sie das Signaturgeheimnis des Endpunkts ein (whsec_…): Öffnen Sie in Stripe den Webhook-Endpunkt, den Sie mit der URL oben hinzugefügt haben, und lassen Sie es anzeigen.",
            Words.SayFirst(notASecret.Refusal!));
    }

    [Fact]
    public async Task A_refund_refused_is_said_in_spanish_and_german_with_what_remains_as_money()
    {
        var nowhere = await Service<RefundService>().RefundAsync(_owner, Guid.NewGuid(), 1m, RefundReason.Other);
        var now = DateTimeOffset.UnixEpoch;
        var link = PaymentLink.Create(_owner.MerchantId, false, new LinkSettings { Title = "Box", Amount = 25m, Currency = "EUR" }, true, now, _owner.Actor).Value;
        var payment = PaymentAttempt.Start(link, Order.From(link, new CheckoutAnswers()).Value, now);
        var notYet = payment.Refund(_owner.MerchantId, null, RefundReason.Other, now, _owner.Actor);
        payment.Complete(now);
        var tooMuch = payment.Refund(_owner.MerchantId, 2501, RefundReason.Other, now, _owner.Actor);

        using (new CultureScope("es"))
        {
            Assert.Equal("Ese pago no existe.", Words.Say(nowhere.Refusal!));
            Assert.Equal("Solo se puede reembolsar un pago completado.", Words.Say(notYet.Refusal!));
        }
        using (new CultureScope("de"))
            Assert.Equal("Es sind höchstens noch 25.00 EUR zu erstatten.", Words.Say(tooMuch.Refusal!.Fields[0]));
        Assert.Equal("At most 25.00 EUR remains to refund.", tooMuch.Refusal!.Message);
    }

    [Fact]
    public async Task A_logo_or_an_accent_refused_is_said_in_portuguese_with_its_numbers()
    {
        var branding = Service<MerchantBranding>();
        var empty = await branding.SetLogoAsync(_owner, []);
        var yellow = await branding.SetAccentAsync(_owner, "#ffff00");

        using var language = new CultureScope("pt-BR");
        Assert.Equal("O arquivo está vazio.", Words.Say(empty.Refusal!));
        Assert.Equal("Esta cor é clara demais para texto branco nos botões (contraste 1,1:1; é preciso pelo menos 4,5:1). Escolha uma mais escura.",
            Words.Say(yellow.Refusal!));
        Assert.Equal("O logotipo deve ter no máximo 256 KB.", Words.Say(LogoFiles.Inspect(new byte[MerchantBrand.MaxLogoBytes + 1]).Problem!));
    }
}
