using System.Security.Cryptography;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;

namespace OneWindow.Domain.Supervision;

public enum ComplaintStatus
{
    Filed = 1,     // 待受理
    Accepted = 2,  // 已受理，调查中
    Refused = 3,   // 不予受理
    Concluded = 4, // 已办结
}

public enum ComplaintAbout
{
    Case = 1,   // 某一办件
    Window = 2, // 某一窗口
    Person = 3, // 某一工作人员
    Other = 4,
}

public enum ComplaintChannel
{
    Online = 1, // 网上
    Hall = 2,   // 大厅投诉台
}

/// <summary>
/// 效能投诉: a complaint about how the center works — a case, a window or a person. Accepted or refused within
/// five working days, investigated, concluded with findings, and the complainant told. It may be anonymous: the
/// tracking code is then the only way back to it, so it is long enough not to be guessed.
/// </summary>
public sealed class EfficiencyComplaint
{
    public const int AcceptWorkingDays = 5;
    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I

    private EfficiencyComplaint() { }

    public Guid Id { get; private set; }
    public string TrackingCode { get; private set; } = "";
    public ComplaintChannel Channel { get; private set; }
    public ComplaintAbout About { get; private set; }
    public string? CaseNumber { get; private set; }
    public string? Target { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Content { get; private set; } = "";
    public bool Anonymous { get; private set; }
    public string? ComplainantName { get; private set; }
    public string? ComplainantPhone { get; private set; }
    public DateTime FiledAt { get; private set; }
    public DateTime AcceptDueAt { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? Findings { get; private set; }
    public bool? Upheld { get; private set; }
    public string? ReplyToComplainant { get; private set; }
    public DateTime? ConcludedAt { get; private set; }
    public string? HandledBy { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Whether it was accepted or refused after the five working days.</summary>
    public bool AnsweredLate(DateTime now) => (AcceptedAt ?? (Status == ComplaintStatus.Refused ? ConcludedAt : null) ?? now) >= AcceptDueAt;

    public static EfficiencyComplaint File(ComplaintChannel channel, ComplaintAbout about, string? caseNumber, string? target, Guid? departmentId, string regionCode,
        string content, bool anonymous, string? name, string? phone, DateTime now, WorkingDayCalendar calendar)
    {
        if (!Enum.IsDefined(channel) || !Enum.IsDefined(about))
        {
            throw new DomainRuleException("complaint.about-invalid", "请选择投诉对象。", "about");
        }
        if (about == ComplaintAbout.Case && string.IsNullOrWhiteSpace(caseNumber))
        {
            throw new DomainRuleException("complaint.case-required", "投诉办件请填写办件编号。", "caseNumber");
        }
        if (about is ComplaintAbout.Window or ComplaintAbout.Person && string.IsNullOrWhiteSpace(target))
        {
            throw new DomainRuleException("complaint.target-required", "请写明被投诉的窗口或工作人员。", "target");
        }
        if (!anonymous && (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(phone)))
        {
            throw new DomainRuleException("complaint.contact-required", "实名投诉请留下姓名和联系电话；也可以选择匿名投诉。", "phone");
        }
        if (!anonymous && !(phone!.Trim().Length is >= 7 and <= 20 && phone.Trim().All(ch => char.IsAsciiDigit(ch) || ch == '-')))
        {
            throw new DomainRuleException("complaint.phone-invalid", "联系电话格式不正确。", "phone");
        }
        return new EfficiencyComplaint
        {
            Id = Guid.CreateVersion7(now),
            TrackingCode = NewTrackingCode(),
            Channel = channel,
            About = about,
            CaseNumber = Optional(caseNumber, 40, "caseNumber"),
            Target = Optional(target, 200, "target"),
            DepartmentId = departmentId,
            RegionCode = regionCode,
            Content = Required(content, 2000, "请写明投诉的事实和诉求。", "content"),
            Anonymous = anonymous,
            ComplainantName = anonymous ? null : Optional(name, 100, "name"),
            ComplainantPhone = anonymous ? null : phone!.Trim(),
            FiledAt = now,
            AcceptDueAt = LegalClock.Due(calendar, now, AcceptWorkingDays).DueAtUtc!.Value,
            Status = ComplaintStatus.Filed,
            Revision = 1,
        };
    }

    /// <summary>受理: the complaint is within the center's remit and will be investigated.</summary>
    public void Accept(Guid? departmentId, Actor supervisor, DateTime now)
    {
        Require(ComplaintStatus.Filed, "complaint.not-filed", "该投诉已受理或已处理。");
        DepartmentId = departmentId ?? DepartmentId;
        AcceptedAt = now;
        HandledBy = supervisor.Name;
        Status = ComplaintStatus.Accepted;
        Revision++;
    }

    /// <summary>不予受理: with the reason, which the complainant reads.</summary>
    public void Refuse(string reason, Actor supervisor, DateTime now)
    {
        Require(ComplaintStatus.Filed, "complaint.not-filed", "该投诉已受理或已处理。");
        RefusalReason = Required(reason, 1000, "不予受理须说明理由。", "reason");
        ReplyToComplainant = RefusalReason;
        HandledBy = supervisor.Name;
        ConcludedAt = now;
        Status = ComplaintStatus.Refused;
        Revision++;
    }

    /// <summary>办结: the findings, whether the complaint is upheld (it then counts in the assessment), and the reply.</summary>
    public void Conclude(bool upheld, string findings, string reply, Actor supervisor, DateTime now)
    {
        Require(ComplaintStatus.Accepted, "complaint.not-accepted", "投诉受理后才能办结。");
        Findings = Required(findings, 2000, "请写明调查核实的情况。", "findings");
        ReplyToComplainant = Required(reply, 2000, "请写明答复投诉人的内容。", "reply");
        Upheld = upheld;
        HandledBy = supervisor.Name;
        ConcludedAt = now;
        Status = ComplaintStatus.Concluded;
        Revision++;
    }

    private void Require(ComplaintStatus status, string code, string message)
    {
        if (Status != status)
        {
            throw new DomainRuleException(code, message);
        }
    }

    private static string NewTrackingCode() => "TS" + string.Create(10, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }
    });

    private static string Required(string? text, int max, string message, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("complaint.text-required", message, field);
        }
        return text.Trim().Length > max ? throw new DomainRuleException("complaint.text-too-long", $"内容请在 {max} 字以内。", field) : text.Trim();
    }

    /// <summary>An optional line: blank is none; one beyond its column is refused for its field, not cut.</summary>
    private static string? Optional(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        return t.Length > max ? throw new DomainRuleException("complaint.text-too-long", $"内容请在 {max} 字以内。", field) : t;
    }
}
