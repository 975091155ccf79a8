namespace PaymentLinks.Infrastructure.Links;

/// <summary>A link as a caller names it: by its UUID (the dashboard, the API) or by the public id in its URL (the API).</summary>
public readonly record struct LinkRef(string Value)
{
    /// <summary>The UUID, when the name is one; otherwise the name is a public id.</summary>
    public Guid? Id => Guid.TryParse(Value, out var id) ? id : null;

    public static implicit operator LinkRef(Guid id) => new(id.ToString());

    public static implicit operator LinkRef(string idOrPublicId) => new(idOrPublicId);
}
