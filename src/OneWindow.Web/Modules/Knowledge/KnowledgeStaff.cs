using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>
/// Who writes and reads the knowledge base: the hotline center (its operators: every department's entries) and a
/// department's staff (window clerks, reviewers, approvers: their own department's entries), as on the hotline.
/// </summary>
public static class KnowledgeStaff
{
    public static async Task<KnowledgeAuthor> AuthorAsync(ClaimsPrincipal principal, UserManager<UserAccount> users, OneWindowDbContext db)
    {
        var staff = await CaseStaff.LoadAsync(principal, users, db);
        if (staff.Roles.Contains(StaffRoles.HotlineOperator))
        {
            return new KnowledgeAuthor(staff.User.DisplayName, true, null);
        }
        if (staff.User.DepartmentId is { } department && StaffRoles.CaseRoles.Any(staff.Roles.Contains))
        {
            return new KnowledgeAuthor(staff.User.DisplayName, false, department);
        }
        throw new ForbiddenException("knowledge.not-staff", "只有 12345 热线坐席和各部门工作人员可以使用知识库。");
    }
}
