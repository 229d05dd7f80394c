namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The id of a record key the database's records are sealed with (never the key): an instance that lacks one of
/// them cannot verify those records and refuses to start (ADR 0017).
/// </summary>
public sealed class RecordKeyId
{
    public string Id { get; init; } = "";
    public DateTime FirstUsedAt { get; init; }
}
