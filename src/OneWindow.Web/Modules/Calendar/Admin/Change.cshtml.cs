using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar.Admin;

/// <summary>
/// One calendar change: where its recount is and the records whose due dates it moved, with the old and new dates,
/// for the center to tell the applicants; printable, and exported as CSV.
/// </summary>
public sealed class ChangeModel(CalendarChangeList list) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public ChangedRecordPage Records { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Records = await list.RecordsAsync(id, After, 100, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
