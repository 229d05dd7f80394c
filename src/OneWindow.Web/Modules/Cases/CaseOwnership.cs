using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Which cases are an applicant's own: those they applied for online, and those handed in at a window under their
/// real-name ID number and their phone number — both must match, and the phone must be verified (ADR 0015). An
/// account whose phone is not verified sees its online cases only until it verifies the phone. Never a part of a
/// joint case on its own — the joint case shows its parts.
/// </summary>
public static class CaseOwnership
{
    public static bool MaySee(UserAccount user, Case c) =>
        c.IsOwnedBy(user.Id)
        || (c.ApplicantUserId is null && ApplicantAccounts.HasWindowCases(user) && c.Applicant.IdentityNumber == user.IdentityNumber && c.Applicant.Phone == user.PhoneNumber);
}
