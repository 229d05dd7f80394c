using Microsoft.AspNetCore.Identity;

namespace OneWindow.Web.Data;

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

/// <summary>The applicants' role: they see and act on their own applications only.</summary>
public static class ApplicantRoles
{
    public const string Applicant = "Applicant";
}

/// <summary>The staff roles. The names are stable identifiers stored in the database.</summary>
public static class StaffRoles
{
    public const string WindowClerk = "WindowClerk";          // 窗口人员
    public const string Reviewer = "Reviewer";                // 承办人/审核人
    public const string Approver = "Approver";                // 审批人/首席代表
    public const string CenterAdmin = "CenterAdmin";          // 中心管理办
    public const string Supervisor = "Supervisor";            // 电子监察
    public const string HotlineOperator = "HotlineOperator";  // 12345 坐席
    public const string Leader = "Leader";                    // 领导

    public static readonly IReadOnlyList<string> All = [WindowClerk, Reviewer, Approver, CenterAdmin, Supervisor, HotlineOperator, Leader];

    /// <summary>Roles that work on cases of their own venue and department.</summary>
    public const string CaseWorkers = WindowClerk + "," + Reviewer + "," + Approver;
}
