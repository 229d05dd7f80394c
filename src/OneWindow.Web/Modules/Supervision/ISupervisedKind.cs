using OneWindow.Domain.Calendar;
using OneWindow.Domain.Supervision;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// A kind of subject the supervision sweep watches (ADR 0020). The module that owns the records implements it and
/// registers it as a scoped service (cases: <see cref="SupervisedCases"/>, registered by this module): it reads its
/// due subjects and applies the time-based rules to them; the sweep raises what is due once, tells the ladder and
/// moves the watches, the same for every kind. Only one implementation per kind.
/// </summary>
public interface ISupervisedKind
{
    SubjectKind Kind { get; }

    /// <summary>
    /// The subjects of this kind with these ids as they are now, each checked against the time-based rules at
    /// <paramref name="now"/>; read together (one query for a batch of up to <see cref="SupervisionSweep.BatchSize"/>).
    /// An id missing from the answer is a subject that is gone: its watch is removed. A record the rules refuse may
    /// throw a <see cref="Domain.DomainRuleException"/>: the sweep then asks again id by id and leaves that one due.
    /// </summary>
    Task<IReadOnlyList<SubjectCheck>> CheckDueAsync(IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken ct);

    /// <summary>
    /// The subject of this kind with this number, for a supervision notice about it (督办), or none: not of this kind, or
    /// not one a department answers for yet.
    /// </summary>
    Task<SupervisedSubject?> FindByNumberAsync(string number, CancellationToken ct) => Task.FromResult<SupervisedSubject?>(null);
}

/// <summary>Who has a subject in hand: the person (told at the first rung of a reminder), else the role of its current step in its department.</summary>
public sealed record SubjectHandler(string? UserId, string? UserName, string? ActingRole);

/// <summary>
/// A subject as the rules found it: the findings due now and when to look at it again, with what raising their alerts
/// needs — who has it in hand, the rule settings that apply to it (severities) and its region's calendar (escalation
/// times). <paramref name="Revision"/> is the subject's revision the check was made on: its watch is moved only if no
/// action has set it since.
/// </summary>
public sealed record SubjectCheck(SupervisedSubject Subject, int Revision, SubjectHandler? Handler, EffectiveRules Rules, WorkingDayCalendar Calendar,
    IReadOnlyList<AlertCandidate> Due, DateTime? NextCheckAt);
