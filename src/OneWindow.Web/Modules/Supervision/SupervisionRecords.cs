using OneWindow.Domain.Supervision;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// When the supervision sweep must look at a subject again (a case; later a work order or a request): the first
/// instant a time-based rule can fire. Kept for subjects with something to watch only, and indexed on
/// <c>(DueAt, SubjectKind, SubjectId)</c>, so that a sweep reads the subjects whose moment has come and never the open
/// ones as a whole. <see cref="Revision"/> is the subject's revision it was computed from: the sweep does not
/// overwrite what a newer action computed.
/// </summary>
public sealed class SupervisionWatch
{
    public SubjectKind SubjectKind { get; init; }
    public Guid SubjectId { get; init; }
    public DateTime DueAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>A configured setting of a supervision rule for one scope (the domain's <see cref="RuleOverride"/>), with who set it.</summary>
public sealed class SupervisionRuleSetting
{
    public Guid Id { get; init; }
    public SupervisionRule Rule { get; init; }
    public RuleScope Scope { get; init; }
    public required string ScopeKey { get; init; }
    public bool Enabled { get; set; }
    public AlertSeverity Severity { get; set; }
    public decimal Threshold { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    public RuleOverride ToOverride() => new(Rule, Scope, ScopeKey, new RuleSetting(Enabled, Severity, Threshold));
}
