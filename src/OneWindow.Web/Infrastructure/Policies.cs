using Microsoft.AspNetCore.Authorization;
using OneWindow.Domain;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>Who may do what. Pages and endpoints name a policy, never a raw role list.</summary>
public static class Policies
{
    public const string CatalogAdmin = nameof(CatalogAdmin);
    public const string CenterAdmin = nameof(CenterAdmin);
    public const string CaseWork = nameof(CaseWork);
    public const string Supervision = nameof(Supervision);
    public const string Hotline = nameof(Hotline);
    /// <summary>The hotline's work orders: the center's operators and the units' staff (who act for their department).</summary>
    public const string HotlineWork = nameof(HotlineWork);
    public const string Leadership = nameof(Leadership);
    /// <summary>The statistics reports: leaders, supervisors and the center's administrators.</summary>
    public const string Statistics = nameof(Statistics);
    public const string Staff = nameof(Staff);
    public const string Applicant = nameof(Applicant);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(CatalogAdmin, p => p.RequireRole(StaffRoles.CenterAdmin));
        options.AddPolicy(CenterAdmin, p => p.RequireRole(StaffRoles.CenterAdmin));
        options.AddPolicy(CaseWork, p => p.RequireRole(StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver));
        options.AddPolicy(Supervision, p => p.RequireRole(StaffRoles.Supervisor));
        options.AddPolicy(Hotline, p => p.RequireRole(StaffRoles.HotlineOperator));
        options.AddPolicy(HotlineWork, p => p.RequireRole(StaffRoles.HotlineOperator, StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver));
        options.AddPolicy(Leadership, p => p.RequireRole(StaffRoles.Leader, StaffRoles.Supervisor));
        options.AddPolicy(Statistics, p => p.RequireRole(StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin));
        // Staff means any staff role: an applicant's sign-in does not open the workbench.
        options.AddPolicy(Staff, p => p.RequireRole(StaffRoles.All));
        options.AddPolicy(Applicant, p => p.RequireRole(ApplicantRoles.Applicant));
    }
}
