using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar.Workbench;

/// <summary>
/// One change's moved records of the case worker's department (a comprehensive window: its venue's), each with the link
/// that opens the case, where the applicant's number is shown to those who handle it, and how the applicant was told.
/// </summary>
public sealed class ChangeModel(IStaffPlaces places, CalendarChangeList list) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public ChangedRecordPage Records { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Records = await list.RecordsForStaffAsync(id, await places.OfAsync(User, ct), After, 100, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
