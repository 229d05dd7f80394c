namespace OneWindow.Web.Modules.ApiClients;

/// <summary>
/// 接入应用: another system that calls the API with a key instead of a person's sign-in — a department's certificate
/// system, the call center's telephony, an Open311 client. Registered by the center administrator for a department or
/// for the center itself; its key is shown once and kept only as a hash (<see cref="ApiKeys"/>); revoked, never deleted,
/// so that the audit log's attributions keep their name.
/// </summary>
public sealed class ApiClient
{
    public const int NameMax = 60;
    public const int ContactMax = 200;
    public const int ReasonMax = 200;

    public Guid Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Who answers for the system: a person, a phone, an e-mail address.</summary>
    public required string Contact { get; init; }
    /// <summary>The department the system reports for; null for a system of the center itself.</summary>
    public Guid? DepartmentId { get; init; }
    /// <summary>The scopes granted, space-separated (<see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; init; }
    /// <summary>The key's first characters (<c>ow_</c> and eight more), kept in clear so that a key can be recognized.</summary>
    public required string KeyPrefix { get; init; }
    /// <summary>SHA-256 of the whole key, hex: the only form in which the key is kept.</summary>
    public required string KeyHash { get; init; }
    public int RequestsPerMinute { get; init; }
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }
    /// <summary>When the key was last used, kept to the minute: written at most once a minute per key.</summary>
    public DateTime? LastUsedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
