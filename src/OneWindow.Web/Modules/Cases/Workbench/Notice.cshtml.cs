using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Cases.Workbench;

/// <summary>
/// The written notices of a case in the standard layout, for printing: 受理通知书, 一次性告知书, 不予受理决定书,
/// 准予/不予许可决定书, 延期通知书, 特别程序告知书. Each carries the case number and a QR code to check it online.
/// </summary>
public sealed class NoticeModel(OneWindowDbContext db, OpenCase open, RegionCalendars calendars, TimeProvider clock, Infrastructure.RecordKeyStore recordKeys) : PageModel
{
    public static readonly IReadOnlyList<(string Kind, string Title)> Kinds =
    [
        ("acceptance", "受理通知书"), ("correction", "补正材料一次性告知书"), ("rejection", "不予受理决定书"),
        ("decision", "行政许可决定书"), ("extension", "延长办理期限通知书"), ("special-procedure", "特别程序告知书"),
    ];

    public CaseView View { get; private set; } = null!;
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public string QrTarget { get; private set; } = "";
    /// <summary>The day the notice was given: the day of the event it records, not the day it is printed.</summary>
    public DateOnly IssuedOn { get; private set; }
    /// <summary>文号: the notice's document number, from the event that gave it (older events have none).</summary>
    public string? DocumentNumber { get; private set; }
    /// <summary>Who handled the step the notice records, and the department's telephone (the applicant's contact).</summary>
    public string? HandledBy { get; private set; }
    public string? ContactPhone { get; private set; }
    /// <summary>The people's government of the case's county, where an administrative review is applied for.</summary>
    public string ReviewGovernment { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string number, string kind, CancellationToken ct)
    {
        var c = await open.LoadForAsync(User, number, ct);
        View = await CaseView.BuildAsync(db, calendars, recordKeys.Ring, c, clock.GetUtcNow().UtcDateTime, ct);
        if (!Available(View).Contains(kind))
        {
            return NotFound();
        }
        Kind = kind;
        Title = Kinds.First(k => k.Kind == kind).Title;
        if (kind == "decision")
        {
            Title = (View.Decision == DecisionOutcome.Grant ? "准予" : "不予") + Title; // a joint case has no decision notice of its own
        }
        var origin = $"{Request.Scheme}://{Request.Host}";
        QrTarget = kind == "decision" && View.ResultNumber is { } result
            ? $"{origin}/verify/{View.Number}?result={Uri.EscapeDataString(result)}"
            : $"{origin}/track?number={View.Number}";
        QrDataUri = QrCodes.DataUri(QrTarget);
        var given = Last(EventOf(kind));
        IssuedOn = Domain.Calendar.ChinaTime.DateOf(given?.At ?? clock.GetUtcNow().UtcDateTime);
        DocumentNumber = Text(given?.Data, Domain.Cases.CaseEvent.NoticeNumberProperty);
        HandledBy = given?.ActorName;
        ContactPhone = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => d.Phone).FirstOrDefaultAsync(ct);
        var county = c.RegionCode[..6] + "000000";
        ReviewGovernment = (await db.Regions.AsNoTracking().Where(r => r.Code == county).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "") + "人民政府";
        return Page();
    }

    /// <summary>The notices a case has grounds for, from what happened to it.</summary>
    public static IReadOnlyList<string> Available(CaseView v)
    {
        var actions = v.Events.Select(e => e.Action).ToHashSet();
        var kinds = new List<string>();
        if (actions.Contains("accepted")) kinds.Add("acceptance");
        if (actions.Contains("correction-requested")) kinds.Add("correction");
        if (actions.Contains("rejected-at-intake")) kinds.Add("rejection");
        // Each department's part carries its own decision; the joint case has none of its own to print.
        if (actions.Contains("decided") && !v.IsJoint) kinds.Add("decision");
        if (actions.Contains("extended")) kinds.Add("extension");
        if (actions.Contains("suspended")) kinds.Add("special-procedure");
        return kinds;
    }

    public CaseEventView? Last(string action) => View.Events.LastOrDefault(e => e.Action == action);

    /// <summary>The event that gives a kind of notice.</summary>
    public static string EventOf(string kind) => NoticeNumbers.ByAction.First(a => a.Value.Kind == kind).Key;

    private static string? Text(string? data, string property)
    {
        if (data is null)
        {
            return null;
        }
        using var json = System.Text.Json.JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty(property, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The agency named in the rejection, from the event's data.</summary>
    public string? ReferTo()
    {
        return Text(Last("rejected-at-intake")?.Data, "referTo");
    }

    public static string Date(DateTime? utc) => utc is { } t ? Domain.Calendar.ChinaTime.ToLocal(t).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) : "";
}
