namespace OneWindow.Domain.Cases;

/// <summary>A case's decision (审批决定) and the result issued under it (证照、批文).</summary>
public sealed class CaseDecision
{
    /// <summary>Null until the case is decided.</summary>
    public DecisionOutcome? Outcome { get; internal set; }
    public string? Reason { get; internal set; }
    public DateTime? DecidedAt { get; internal set; }
    /// <summary>The number of the certificate or document issued (a part of a joint case has its own).</summary>
    public string? ResultNumber { get; internal set; }
    public DateTime? ResultIssuedAt { get; internal set; }
    /// <summary>The last day (Beijing) the granted result is valid, when the item's result expires.</summary>
    public DateOnly? ValidUntil { get; internal set; }
    /// <summary>The scope granted (经营项目, 许可范围…), when the item's result has one.</summary>
    public string? Scope { get; internal set; }
}
