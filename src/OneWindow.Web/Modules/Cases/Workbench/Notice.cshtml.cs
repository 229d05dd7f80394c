using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Cases.Workbench;

/// <summary>
/// The written notices of a case in the standard layout, for printing: 受理通知书, 一次性告知书, 不予受理决定书,
/// 准予/不予许可决定书, 延期通知书, 特别程序告知书 (<see cref="CaseNotice"/>; the applicant's pages show the same).
/// </summary>
public sealed class NoticeModel(OneWindowDbContext db, OpenCase open, RegionCalendars calendars, TimeProvider clock, Infrastructure.RecordKeyStore recordKeys) : PageModel
{
    public static IReadOnlyList<(string Kind, string Title)> Kinds => CaseNotice.Kinds;

    public CaseNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, string kind, CancellationToken ct)
    {
        var c = await open.LoadForAsync(User, number, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var view = await CaseView.BuildAsync(db, calendars, recordKeys.Ring, c, now, ct);
        if (CaseNotice.For(view, kind, $"{Request.Scheme}://{Request.Host}", now, await CaseNotice.AddressesAsync(db, c, ct)) is not { } notice)
        {
            return NotFound();
        }
        Notice = notice;
        return Page();
    }

    /// <summary>The notices a case has grounds for, from what happened to it.</summary>
    public static IReadOnlyList<string> Available(CaseView v) => CaseNotice.Available(v);

    public static string Date(DateTime? utc) => CaseNotice.Date(utc);
}
