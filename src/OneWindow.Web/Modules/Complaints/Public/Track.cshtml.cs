using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain.Supervision;

namespace OneWindow.Web.Modules.Complaints.Public;

/// <summary>The complainant follows the complaint with its tracking code; the page shows nothing about anyone.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class TrackModel(HandleComplaints complaints) : PageModel
{
    public string? Code { get; private set; }
    public EfficiencyComplaint? Complaint { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code;
        Complaint = await complaints.TrackAsync(code, ct);
    }
}
