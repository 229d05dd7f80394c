using OneWindow.Domain.Identifiers;

namespace OneWindow.Domain.Cases;

/// <summary>
/// The applicant of a case: a person identified by the resident ID number (GB 11643) or an enterprise by its
/// unified social credit code (GB 32100); both are checked by their check characters.
/// </summary>
public sealed record Applicant(ApplicantKind Kind, string Name, string IdentityNumber, string Phone)
{
    public static Applicant Create(ApplicantKind kind, string name, string identityNumber, string phone, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new DomainRuleException("applicant.name-required", "请填写申请人名称（100 字以内）。", "applicantName");
        }
        var id = kind == ApplicantKind.Person ? ResidentIdNumber.Normalize(identityNumber ?? "") : UnifiedSocialCreditCode.Normalize(identityNumber ?? "");
        if (kind == ApplicantKind.Person)
        {
            if (ResidentIdNumber.Validate(id, today) is { } problem)
            {
                throw new DomainRuleException(problem, "居民身份证号码有误，请对照身份证逐位核对（18 位，最后一位可能是 X）。", "identityNumber");
            }
            if (id.Length == 15)
            {
                id = ResidentIdNumber.ConvertLegacy15To18(id);
            }
        }
        else if (UnifiedSocialCreditCode.Validate(id) is { } problem)
        {
            throw new DomainRuleException(problem, "统一社会信用代码有误，请对照营业执照逐位核对（18 位）。", "identityNumber");
        }
        // A mobile (11 digits) or a landline with its area code (0735-6361888): digits, with hyphens or spaces
        // between groups. Any other character is a typo to show, not to strip silently.
        var written = (phone ?? "").Trim();
        var digits = new string(written.Where(c => char.IsAsciiDigit(c) || c == '-').ToArray());
        if (written.Any(c => !(char.IsAsciiDigit(c) || c is '-' or ' ')) || digits.Count(char.IsAsciiDigit) is < 7 or > 12)
        {
            throw new DomainRuleException("applicant.phone-invalid", "联系电话应为 7 至 12 位数字。", "phone");
        }
        return new Applicant(kind, name.Trim(), id, digits);
    }

    /// <summary>The identity number as lists and logs show it (110105********002X).</summary>
    public string MaskedIdentityNumber => ResidentIdNumber.Mask(IdentityNumber);

    public string MaskedPhone => MaskPhone(Phone);

    /// <summary>
    /// What a case's sealed record binds of who applied: the events that establish the applicant carry a keyed
    /// digest of this text (HMAC-SHA256 under the record key that seals the event, <see cref="CaseEvent"/>), so that
    /// the applicant on the case cannot be changed unnoticed, while the event data that staff and the API see holds
    /// nothing against which ID numbers or phones could be tried offline.
    /// </summary>
    internal string SealedText => Records.EventChain.Fields("applicant", Kind.ToString(), Name, IdentityNumber, Phone);

    /// <summary>
    /// The unkeyed digest the events of one earlier release carried (a SHA-256 prefix, which anyone could test ID
    /// candidates against): still compared when such an event names the applicant, never written again, and never
    /// shown (the case API leaves it out of the event data).
    /// </summary>
    public string LegacyDigest => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        Records.EventChain.Fields(Kind.ToString(), Name, IdentityNumber, Phone))))[..16];

    /// <summary>A phone as lists and logs show it: only the last four digits.</summary>
    public static string MaskPhone(string phone) => phone.Length <= 4 ? "****" : new string('*', phone.Length - 4) + phone[^4..];
}
