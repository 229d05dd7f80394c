using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar.Workbench;

/// <summary>The calendar changes that moved due dates of the case worker's department (a comprehensive window: its venue's).</summary>
public sealed class ChangesModel(IStaffPlaces places, CalendarChangeList list) : PageModel
{
    public IReadOnlyList<StaffChangeView> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Changes = await list.ListForStaffAsync(await places.OfAsync(User, ct), ct);
}
