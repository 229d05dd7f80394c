namespace OneWindow.Domain.Organization;

/// <summary>What a service at a town or village counter was (服务台帐的服务类型).</summary>
public enum LedgerKind
{
    /// <summary>咨询登记: a question answered, a guide explained.</summary>
    Consultation = 1,
    /// <summary>代办帮办: help that is not an application here (an online application filled in with them, papers fetched, a form printed).</summary>
    Help = 2,
    /// <summary>代办收件: an application taken in at the counter; recorded by the case itself, never by hand.</summary>
    Intake = 3,
}

/// <summary>How a service at the counter ended.</summary>
public enum LedgerOutcome
{
    Answered = 1,  // 已解答
    Done = 2,      // 已办结
    Referred = 3,  // 已引导至他处
    FollowUp = 4,  // 待跟进
    TakenIn = 5,   // 已收件
}

/// <summary>
/// 服务台帐: one service at a town hall's or village room's counter — who served, when, what (the item, if any, and a
/// line about it), the applicant if they gave their name, and the outcome. Applications taken in there appear by
/// themselves (<see cref="ForCase"/>); consultations and help that do not become cases are entered by the clerk or agent.
/// </summary>
public sealed class LedgerEntry
{
    public const int SummaryMax = 500;

    public Guid Id { get; private set; }
    public Guid VenueId { get; private set; }
    /// <summary>The venue's region (a town or a village): the ledger's figures roll up by code prefix like the cases'.</summary>
    public string RegionCode { get; private set; } = "";
    public string StaffUserId { get; private set; } = "";
    public string StaffName { get; private set; } = "";
    public DateTime At { get; private set; }
    /// <summary>The Beijing day of <see cref="At"/>.</summary>
    public DateOnly Day { get; private set; }
    public LedgerKind Kind { get; private set; }
    public LedgerOutcome Outcome { get; private set; }
    public string? ItemCode { get; private set; }
    public string? ItemName { get; private set; }
    public string Summary { get; private set; } = "";
    public string? ApplicantName { get; private set; }
    public string? ApplicantPhone { get; private set; }
    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }

    private LedgerEntry() { }

    /// <summary>A consultation or help entered at the counter.</summary>
    public static LedgerEntry Record(Guid id, Guid venueId, VenueTier tier, string regionCode, string staffUserId, string staffName, DateTime at,
        LedgerKind kind, LedgerOutcome outcome, string? itemCode, string? itemName, string? summary, string? applicantName, string? applicantPhone)
    {
        if (tier == VenueTier.CountyCenter)
        {
            throw new DomainRuleException("ledger.not-a-tier-venue", "服务台帐由乡镇便民服务中心和村便民服务站填写。");
        }
        if (kind == LedgerKind.Intake || outcome == LedgerOutcome.TakenIn)
        {
            throw new DomainRuleException("ledger.intake-by-case", "收件由办件自动记入台帐，请在收件页面登记申请。");
        }
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("ledger.kind-unknown", "请选择服务类型和结果。");
        }
        var text = summary?.Trim() ?? "";
        if (text.Length == 0 && itemCode is null)
        {
            throw new DomainRuleException("ledger.summary-required", "请填写服务内容或选择事项。", "summary");
        }
        if (text.Length > SummaryMax)
        {
            throw new DomainRuleException("ledger.summary-too-long", $"服务内容不超过 {SummaryMax} 字。", "summary");
        }
        var phone = string.IsNullOrWhiteSpace(applicantPhone) ? null : applicantPhone.Trim();
        if (phone is not null && (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+')))
        {
            throw new DomainRuleException("ledger.phone-invalid", "联系电话格式不正确。", "applicantPhone");
        }
        return new LedgerEntry
        {
            Id = id, VenueId = venueId, RegionCode = regionCode, StaffUserId = staffUserId, StaffName = staffName, At = at, Day = Calendar.ChinaTime.DateOf(at),
            Kind = kind, Outcome = outcome, ItemCode = itemCode, ItemName = itemName, Summary = text,
            ApplicantName = string.IsNullOrWhiteSpace(applicantName) ? null : applicantName.Trim(), ApplicantPhone = phone,
        };
    }

    /// <summary>An application taken in at the counter, as its case records it.</summary>
    public static LedgerEntry ForCase(Guid id, Guid venueId, string regionCode, string staffUserId, string staffName, DateTime at,
        string itemCode, string itemName, string applicantName, Guid caseId, string caseNumber) => new()
    {
        Id = id, VenueId = venueId, RegionCode = regionCode, StaffUserId = staffUserId, StaffName = staffName, At = at, Day = Calendar.ChinaTime.DateOf(at),
        Kind = LedgerKind.Intake, Outcome = LedgerOutcome.TakenIn, ItemCode = itemCode, ItemName = itemName, Summary = "代办收件 " + caseNumber,
        ApplicantName = applicantName, CaseId = caseId, CaseNumber = caseNumber,
    };
}
