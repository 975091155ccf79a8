using PaymentLinks.Domain.Common;
using PaymentLinks.Domain.Links;

namespace PaymentLinks.Infrastructure;

/// <summary>
/// What can be refused about a business's API keys and webhook endpoints, as codes (<see cref="Problem"/>): the
/// dashboard says each in its reader's language, with the values named here in this order. A key's name and an
/// endpoint's URL also break the link settings' rules (<see cref="LinkProblems.TooLong"/>, <see cref="LinkProblems.NotAbsoluteUrl"/>…),
/// naming <see cref="KeyName"/> or <see cref="EndpointUrl"/>.
/// </summary>
public static class IntegrationProblems
{
    /// <summary>Values: the longest name.</summary>
    public const string KeyNameRequired = "key_name_required";

    /// <summary>No values.</summary>
    public const string KeyExpiryNotFuture = "key_expiry_not_future";
    public const string NoEventChosen = "no_event_chosen";
    public const string EndpointNotFound = "endpoint_not_found";

    /// <summary>Values: the key's role, the creating member's role (<see cref="Domain.Merchants.MemberRole"/>).</summary>
    public const string KeyRoleAboveYours = "key_role_above_yours";

    /// <summary>Values: the most there can be in use (keys, active endpoints).</summary>
    public const string TooManyKeys = "too_many_keys";
    public const string TooManyEndpoints = "too_many_endpoints";

    /// <summary>Values: the event's name as it was asked for.</summary>
    public const string EventUnknown = "event_unknown";

    /// <summary>Values: the setting (<see cref="EndpointUrl"/>).</summary>
    public const string UrlHasCredentials = "url_has_credentials";
    public const string UrlHttpsOnly = "url_https_only";

    /// <summary>Values: the setting, the address's host.</summary>
    public const string UrlNotPublic = "url_not_public";

    /// <summary>A key's or an endpoint's settings as the problems name them.</summary>
    public static readonly SettingName KeyName = new(nameof(KeyName), "Name");
    public static readonly SettingName EndpointUrl = new(nameof(EndpointUrl), "Endpoint URL");

    public static IReadOnlyList<SettingName> Names { get; } = [KeyName, EndpointUrl];
}
