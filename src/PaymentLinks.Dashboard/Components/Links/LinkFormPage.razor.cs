using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PaymentLinks.Dashboard.Components.Shared;
using PaymentLinks.Dashboard.Identity;
using PaymentLinks.Dashboard.Localization;
using PaymentLinks.Dashboard.Localization.Pages;
using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;
using PaymentLinks.Infrastructure.Links;

namespace PaymentLinks.Dashboard.Components.Links;

/// <summary>Create or edit a link. The domain validates (<see cref="LinkSettings.Validate"/>); its messages sit by each field.</summary>
public sealed partial class LinkFormPage
{
    private LinkFormModel _model = new();
    private EditContext? _editContext;
    private Guid? _filledFor;
    private DomainErrors? _errors;
    private LinkView? _link;
    private bool _notFound;
    private bool _saving;
    private IReadOnlyList<string> _recentCurrencies = [];
    private string? _conflict;

    /// <summary>Why saving or publishing was refused, when no one field is to blame: shown by the buttons that were clicked.</summary>
    private string? _refused;

    [Inject] private PaymentLinkService Links { get; set; } = default!;
    [Inject] private DomainWords Words { get; set; } = default!;
    [Inject] private LinkInsights Insights { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<LinksText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<StatusText> StatusWords { get; set; } = default!;
    [CascadingParameter] public MerchantContext Merchant { get; set; } = default!;

    [Parameter]
    public Guid? Id { get; set; }

    /// <summary>After Duplicate: the link this draft was copied from, named above the form.</summary>
    [SupplyParameterFromQuery(Name = "copied-from")]
    public Guid? CopiedFrom { get; set; }

    private string? _copiedFromTitle;

    private bool IsNew => Id is null;
    private string Heading => T[IsNew ? "LinkForm.Heading.New" : "LinkForm.Heading.Edit"].Value;
    private bool AmountLocked => _link?.AmountLocked == true;
    private bool IsTerminal => _link?.Status.IsTerminal() == true;
    private bool Locked => _saving || IsTerminal;

    private List<BreadcrumbItem> Breadcrumbs =>
        _link is null ? [new(T["Breadcrumb.Links"].Value, "links")] : [new(T["Breadcrumb.Links"].Value, "links"), new(_link.Title, $"links/{_link.Id}")]; // the heading names where you are

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again whenever the layout re-renders (the merchant's context cascades from it); what the
        // merchant has typed must survive that, so the form is filled once per link.
        if (_editContext is not null && _filledFor == Id)
            return;
        _filledFor = Id;
        _recentCurrencies = await Insights.RecentCurrenciesAsync(Merchant.Caller);
        if (IsNew)
        {
            // A merchant who charges in one currency finds it chosen already.
            Use(LinkFormModel.From(Links.NewSettings() with { Currency = _recentCurrencies.FirstOrDefault() ?? "" }, Merchant));
            return;
        }
        var found = await Links.GetAsync(Merchant.Caller, Id!.Value);
        _notFound = !found.IsSuccess;
        if (CopiedFrom is { } original && await Links.GetAsync(Merchant.Caller, original) is { IsSuccess: true } source)
            _copiedFromTitle = source.Value.Title;
        if (found.IsSuccess)
            Use(found.Value);
    }

    private void Use(LinkView link)
    {
        _link = link;
        Use(LinkFormModel.From(link.Settings, Merchant));
    }

    private void Use(LinkFormModel model)
    {
        _model = model;
        _editContext = new EditContext(_model);
    }

    /// <summary>publish: true = create and publish, false = save as draft, null = save an existing link.</summary>
    private async Task SaveAsync(bool? publish)
    {
        _conflict = null;
        _refused = null;
        var settings = _model.ToSettings(Merchant);
        var errors = _model.Errors(Merchant, T);
        _errors!.Show(errors);
        if (errors.Count > 0)
            return;

        _saving = true;
        try
        {
            var saved = publish is { } andPublish
                ? await Links.CreateAsync(Merchant.Caller, settings, andPublish)
                : await Links.EditAsync(Merchant.Caller, _link!.Id, settings, _link.Version);
            if (saved.IsSuccess)
            {
                Snackbar.Add(T[publish == true ? "LinkForm.Published" : "LinkForm.Saved", saved.Value.Title].Value, Severity.Success);
                Navigation.NavigateTo($"links/{saved.Value.Id}");
                return;
            }
            await ShowRefusalAsync(saved.Refusal);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ShowRefusalAsync(Refusal refusal)
    {
        if (refusal.Code == RefusalCodes.Conflict)
        {
            // Someone else saved first: show their values, so nothing is overwritten blind.
            var fresh = await Links.GetAsync(Merchant.Caller, _link!.Id);
            if (fresh.IsSuccess)
                Use(fresh.Value);
            _conflict = T["LinkForm.Conflict", Words.Say(refusal)].Value;
            return;
        }
        if (refusal.Fields.Count > 0)
            _errors!.Show(refusal.Fields);
        else
            _refused = Words.Say(refusal);
    }
}
