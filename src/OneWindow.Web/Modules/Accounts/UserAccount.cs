using Microsoft.AspNetCore.Identity;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>
/// Someone who signs in: a member of staff (window clerk, reviewer, approver, administrator, supervisor…) with a
/// venue and department, or an applicant (办事群众) who signed up online with a phone number and real name.
/// </summary>
public sealed class UserAccount : IdentityUser
{
    /// <summary>The name shown and recorded in events; for an applicant, the real name (实名).</summary>
    public string DisplayName { get; set; } = "";
    public Guid? VenueId { get; set; }
    public Guid? DepartmentId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>An applicant's resident ID number (GB 11643, checked at sign-up); null for staff.</summary>
    public string? IdentityNumber { get; set; }
}
