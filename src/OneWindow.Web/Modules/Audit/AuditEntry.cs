namespace OneWindow.Web.Modules.Audit;

/// <summary>Who changed what and when, for the catalog, the calendar and the organization. Never updated.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public required string Actor { get; init; }
    public required string EntityType { get; init; }
    public required string EntityKey { get; init; }
    public required string Action { get; init; }
    public string? Details { get; init; }
}
