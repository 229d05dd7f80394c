namespace OneWindow.Domain;

/// <summary>
/// The staff roles. The names are stable identifiers: they are stored in the database (account roles, the acting
/// role of each node of a guide's process, the role recorded with every event).
/// </summary>
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

    /// <summary>The roles that act on cases (and may be a process node's acting role), in the order a person acts in them.</summary>
    public static readonly IReadOnlyList<string> CaseRoles = [WindowClerk, Reviewer, Approver];

    /// <summary>Roles that work on cases of their own venue and department (an authorization policy's list).</summary>
    public const string CaseWorkers = WindowClerk + "," + Reviewer + "," + Approver;
}

/// <summary>The applicants' role: they see and act on their own applications only.</summary>
public static class ApplicantRoles
{
    public const string Applicant = "Applicant";
}
