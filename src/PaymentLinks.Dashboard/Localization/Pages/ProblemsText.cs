namespace PaymentLinks.Dashboard.Localization.Pages;

/// <summary>
/// What the domain refuses (<see cref="Domain.Common.Problem"/> codes: a link's settings, its moves, a member's role),
/// said in the dashboard's language by <see cref="DomainWords"/>; in <c>ProblemsText.&lt;language&gt;.resx</c> beside this file.
/// </summary>
public sealed class ProblemsText;
