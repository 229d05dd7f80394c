using OneWindow.Domain.Cases;

namespace OneWindow.Domain.Supervision;

/// <summary>
/// A certificate or licence (证照) a department reports as issued — from its own approval system or the electronic
/// licence registry. Each must stand on a case granted in the platform with that result number; one that does not
/// is the classic clue of work done outside the system (体外循环).
/// </summary>
public sealed class IssuedCertificate
{
    private IssuedCertificate() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public string ItemCode { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string HolderName { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
    public string? CaseNumber { get; private set; }
    public Guid? MatchedCaseId { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public DateTime ReportedAt { get; private set; }

    public static IssuedCertificate Report(string number, string itemCode, Guid departmentId, string regionCode, string holderName, DateTime issuedAt,
        string? caseNumber, string reportedBy, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Trim().Length > 60)
        {
            throw new DomainRuleException("certificate.number-invalid", "请填写证照编号（60 字以内）。", "number");
        }
        if (string.IsNullOrWhiteSpace(holderName) || holderName.Trim().Length > 100)
        {
            throw new DomainRuleException("certificate.holder-invalid", "请填写持证人（100 字以内）。", "holderName");
        }
        if (caseNumber is { Length: > 0 } named && !string.IsNullOrWhiteSpace(named) && (named.Trim().Length > 40 || !named.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            throw new DomainRuleException("certificate.case-number-invalid", "办件编号格式不正确（如 431025-20261122-00001）。", "caseNumber");
        }
        if (issuedAt > now.AddMinutes(5) || issuedAt.Year < 2000)
        {
            throw new DomainRuleException("certificate.issued-at-invalid", "发证时间不正确。", "issuedAt");
        }
        return new IssuedCertificate
        {
            Id = Guid.CreateVersion7(now),
            Number = number.Trim(),
            ItemCode = itemCode,
            DepartmentId = departmentId,
            RegionCode = regionCode,
            HolderName = holderName.Trim(),
            IssuedAt = issuedAt,
            CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim(),
            ReportedBy = reportedBy,
            ReportedAt = now,
        };
    }

    /// <summary>
    /// Checks the certificate against the case it names (or the case issued under its number): the case must be of
    /// the same item, granted, and issued with this number. Returns the finding when it is not.
    /// </summary>
    public AlertCandidate? Check(Case? c)
    {
        if (c is not null && c.ItemCode == ItemCode && c.Decision.ResultNumber == Number
            && c.Decision.Outcome is DecisionOutcome.Grant or DecisionOutcome.PartlyGranted && c.Decision.ResultIssuedAt is not null)
        {
            MatchedCaseId = c.Id;
            return null;
        }
        var why = c is null
            ? CaseNumber is null ? "平台内没有以该编号出证的办件" : $"平台内没有办件 {CaseNumber}"
            : $"办件 {c.Number} 未以该编号准予出证";
        return new AlertCandidate(SupervisionRule.CertificateWithoutCase, $"certificate/{Number}", IssuedAt, $"证照 {Number}（{HolderName}）：{why}");
    }
}
