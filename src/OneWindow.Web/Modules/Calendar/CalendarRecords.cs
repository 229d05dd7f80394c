namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// A year whose State Council holiday notice (国务院办公厅关于部分节假日安排的通知) is in the calendar. A year without
/// one keeps only the statutory holidays of the 放假办法, marked provisional (ADR 0014).
/// </summary>
public sealed class HolidayNotice
{
    public int Year { get; init; }
    /// <summary>The notice's title and document number, as the administrator gave them.</summary>
    public required string Reference { get; set; }
    public DateTime LoadedAt { get; set; }
    public required string LoadedBy { get; set; }
}

/// <summary>
/// One change of the working-day calendar (a year's notice loaded, a day set or removed) and the recount it starts:
/// every open record of every kind with a clock (<see cref="Modules.Calendar.IDueDateRecords"/>) is counted again, in
/// batches by key, and those whose due dates moved are listed (<see cref="CalendarChangeEntry"/>) for the center to
/// tell the applicants. <see cref="Stage"/> and <see cref="After"/> say where the recount is, so that it resumes
/// after a restart.
/// </summary>
public sealed class CalendarChange
{
    public Guid Id { get; init; }
    /// <summary>What changed, as the records that moved will show it.</summary>
    public required string Description { get; init; }
    /// <summary>The region whose calendar changed; empty for the national calendar.</summary>
    public required string RegionCode { get; init; }
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    /// <summary>The kind of record being recounted; null before the first batch.</summary>
    public string? Stage { get; set; }
    /// <summary>The key of the last record of <see cref="Stage"/> recounted.</summary>
    public string? After { get; set; }
    public int RecordsChecked { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>
    /// For a notice loaded although it disagrees with the statutory rule (a close 清明, a lunar edge year), the statutory
    /// holidays it does not give as days off, which the administrator confirmed the notice decides (ADR 0014).
    /// </summary>
    public string? Disagreement { get; init; }
}

/// <summary>A record whose due dates a calendar change moved: who to tell, and each moved date before and after.</summary>
public sealed class CalendarChangeEntry
{
    public long Id { get; init; }
    public Guid ChangeId { get; init; }
    /// <summary>The kind of record (<see cref="Modules.Calendar.IDueDateRecords.Kind"/>), e.g. "case".</summary>
    public required string RecordKind { get; init; }
    public Guid RecordId { get; init; }
    public required string Number { get; init; }
    public required string Title { get; init; }
    public required string ApplicantName { get; init; }
    /// <summary>Masked, as everywhere in lists; the full number is shown on the record's own page on request.</summary>
    public required string ApplicantPhone { get; init; }
    public required IReadOnlyList<DueDateMove> Moves { get; init; }
    public DateTime RecordedAt { get; init; }
    /// <summary>The department whose staff handle the record: they see it in their slice of the list.</summary>
    public Guid? DepartmentId { get; init; }
    /// <summary>The venue that took the record in: staff of a comprehensive window (no department) see it there.</summary>
    public Guid? VenueId { get; init; }
    /// <summary>How the applicant is told of the move, decided when the move is listed; null for a kind that tells no one.</summary>
    public ApplicantTold? Told { get; set; }
    /// <summary>When that was decided (for an SMS: written to the outbox; the list shows when it was sent).</summary>
    public DateTime? ToldAt { get; set; }

    /// <summary>
    /// The outbox key of the SMS that tells the applicant of a record's move: one per record per change, however often
    /// the record is counted again (ADR 0014, 0019).
    /// </summary>
    public static string SmsKey(Guid changeId, string recordKind, Guid recordId) => $"calendar-change:{changeId}:{recordKind}:{recordId}";
}

/// <summary>How the applicant of a moved record was told.</summary>
public enum ApplicantTold
{
    /// <summary>By SMS through the outbox (<see cref="CalendarChangeEntry.SmsKey"/>), with the record's number, the item and each moved date.</summary>
    Sms = 1,
    /// <summary>No mobile number on file: the staff tell them another way.</summary>
    NoMobile = 2,
    /// <summary>Only a clock the applicant does not see moved (a process node's): nothing to tell.</summary>
    NothingToTell = 3,
    /// <summary>Listed before the applicants were told by SMS (migration 0015): the center tells them, as then.</summary>
    ByCenter = 4,
}

/// <summary>One moved due date: the clock (a code its kind names), the node for a node's clock, the last day before and after.</summary>
public sealed record DueDateMove(string Clock, string? Node, DateOnly? From, DateOnly? To);
