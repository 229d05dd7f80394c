using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The pattern of a record page's form (an alert, a notice, a complaint): the action done, a flash message and
/// back to the record; or, for a broken rule or someone else's change in between, the message to show on the
/// record as it is now, with nothing saved.
/// </summary>
public static class RecordAction
{
    public static async Task<(IActionResult? Done, string? Error)> RunAsync(PageModel page, Func<Task> act, string doneMessage, string redirectTo, string conflictMessage)
    {
        try
        {
            await act();
            page.TempData["Flash"] = Text.Translate(doneMessage);
            return (new RedirectResult(redirectTo), null);
        }
        catch (DomainRuleException e)
        {
            return (null, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, Text.Translate(conflictMessage));
        }
    }
}
