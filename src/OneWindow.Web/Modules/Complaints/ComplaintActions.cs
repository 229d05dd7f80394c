using System.Security.Claims;
using OneWindow.Domain;
using OneWindow.Domain.Supervision;

namespace OneWindow.Web.Modules.Complaints;

/// <summary>
/// What a supervisor may do with a complaint now (leaders only read): accept or refuse it while filed, conclude it
/// once accepted. The complaint page shows these forms; the API lists them in <c>availableActions</c> and routes them.
/// </summary>
public static class ComplaintActions
{
    public const string Accept = "accept";
    public const string Refuse = "refuse";
    public const string Conclude = "conclude";

    public static IReadOnlyList<string> For(ClaimsPrincipal principal, EfficiencyComplaint c) =>
        !principal.IsInRole(StaffRoles.Supervisor) ? []
        : c.Status switch
        {
            ComplaintStatus.Filed => [Accept, Refuse],
            ComplaintStatus.Accepted => [Conclude],
            ComplaintStatus.Refused or ComplaintStatus.Concluded => [],
        };
}
