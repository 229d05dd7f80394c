using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>The account of a citizen who applies online (办事群众): signed in with the phone, under a real name and ID number.</summary>
public static class ApplicantAccounts
{
    /// <summary>
    /// The signed-in applicant's account; 403 for anyone else. An account whose ID number a center administrator
    /// detached (<see cref="IdentityNumberHolders"/>) is still the applicant's: it sees its online cases, but applies
    /// online as a person only with an ID number again.
    /// </summary>
    public static async Task<UserAccount> LoadAsync(ClaimsPrincipal principal, UserManager<UserAccount> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !await users.IsInRoleAsync(user, ApplicantRoles.Applicant))
        {
            throw new ForbiddenException("auth.applicant-required", "请以办事群众账户登录。");
        }
        return user;
    }

    /// <summary>The applicant as the record names them.</summary>
    public static Actor ActorOf(UserAccount user) => new(user.Id, user.DisplayName, ApplicantRoles.Applicant);

    /// <summary>
    /// Whether the window cases under the account's ID number and phone are the account's: only once the phone is
    /// verified by a code sent to it (ADR 0015), since an ID number and a phone are written on paper forms.
    /// </summary>
    public static bool HasWindowCases(UserAccount user) => user.PhoneNumberConfirmed && user.IdentityNumber is not null && user.PhoneNumber is not null;
}
