using System.Security.Claims;

namespace OneWindow.Web.Infrastructure;

public static class ActorNames
{
    /// <summary>How an actor is named in records: the sign-in name.</summary>
    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "system";
}
