using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// One written notice of a case in the standard layout (受理通知书, 一次性告知书, 不予受理决定书, 准予/不予许可决定书,
/// 延期通知书, 特别程序告知书), as the clerk prints it and the applicant reads or prints it online: the same text,
/// rendered by <c>_CaseNotice.cshtml</c>. Each carries the case number and a QR code to check it online.
/// </summary>
public sealed class CaseNotice
{
    public static readonly IReadOnlyList<(string Kind, string Title)> Kinds =
    [
        ("acceptance", "受理通知书"), ("correction", "补正材料一次性告知书"), ("rejection", "不予受理决定书"),
        ("decision", "行政许可决定书"), ("extension", "延长办理期限通知书"), ("special-procedure", "特别程序告知书"),
    ];

    public required CaseView View { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string QrDataUri { get; init; }
    public required string QrTarget { get; init; }
    /// <summary>The day the notice was given: the day of the event it records, not the day it is printed.</summary>
    public DateOnly IssuedOn { get; init; }
    /// <summary>文号: the notice's document number, from the event that gave it (events before numbering have none).</summary>
    public string? DocumentNumber { get; init; }
    /// <summary>Who handled the step the notice records (the applicant's contact, with the department's telephone).</summary>
    public string? HandledBy { get; init; }
    public string? ContactPhone { get; init; }
    /// <summary>The people's government of the case's county, where an administrative review is applied for.</summary>
    public string ReviewGovernment { get; init; } = "";

    /// <summary>What a notice names beyond the case itself: the department's telephone and the county's government.</summary>
    public sealed record Addresses(string? ContactPhone, string ReviewGovernment);

    public static async Task<Addresses> AddressesAsync(Data.OneWindowDbContext db, Case c, CancellationToken ct)
    {
        var phone = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => d.Phone).FirstOrDefaultAsync(ct);
        var county = c.RegionCode[..6] + "000000";
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == county).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return new Addresses(phone, (name ?? "") + "人民政府");
    }

    /// <summary>The notice of that kind, or null when the case has no grounds for it. <paramref name="origin"/> is the site's scheme and host, for the QR code.</summary>
    public static CaseNotice? For(CaseView view, string kind, string origin, DateTime now, Addresses addresses)
    {
        if (!Available(view).Contains(kind))
        {
            return null;
        }
        var title = Kinds.First(k => k.Kind == kind).Title;
        if (kind == "decision")
        {
            title = (view.Decision == DecisionOutcome.Grant ? "准予" : "不予") + title; // a joint case has no decision notice of its own
        }
        var target = kind == "decision" && view.ResultNumber is { } result
            ? $"{origin}/verify/{view.Number}?result={Uri.EscapeDataString(result)}"
            : $"{origin}/track?number={view.Number}";
        var given = view.Events.LastOrDefault(e => e.Action == EventOf(kind));
        return new CaseNotice
        {
            View = view, Kind = kind, Title = title, QrTarget = target, QrDataUri = QrCodes.DataUri(target),
            IssuedOn = Domain.Calendar.ChinaTime.DateOf(given?.At ?? now),
            DocumentNumber = Text(given?.Data, CaseEvent.NoticeNumberProperty),
            HandledBy = given?.ActorName,
            ContactPhone = addresses.ContactPhone,
            ReviewGovernment = addresses.ReviewGovernment,
        };
    }

    /// <summary>The notices a case has grounds for, from what happened to it.</summary>
    public static IReadOnlyList<string> Available(CaseView v) => Available(v.Events.Select(e => e.Action), v.IsJoint);

    /// <summary>The notices a case with these events has grounds for.</summary>
    public static IReadOnlyList<string> Available(IEnumerable<string> events, bool isJoint)
    {
        var actions = events.ToHashSet();
        var kinds = new List<string>();
        if (actions.Contains("accepted")) kinds.Add("acceptance");
        if (actions.Contains("correction-requested")) kinds.Add("correction");
        if (actions.Contains("rejected-at-intake")) kinds.Add("rejection");
        // Each department's part carries its own decision; the joint case has none of its own to print.
        if (actions.Contains("decided") && !isJoint) kinds.Add("decision");
        if (actions.Contains("extended")) kinds.Add("extension");
        if (actions.Contains("suspended")) kinds.Add("special-procedure");
        return kinds;
    }

    /// <summary>The title of a kind of notice as listed (a decision's without 准予/不予).</summary>
    public static string TitleOf(string kind, DecisionOutcome? decision) =>
        kind == "decision" ? (decision == DecisionOutcome.Grant ? "准予" : "不予") + "行政许可决定书" : Kinds.First(k => k.Kind == kind).Title;

    public CaseEventView? Last(string action) => View.Events.LastOrDefault(e => e.Action == action);

    /// <summary>The agency named in the rejection, from the event's data.</summary>
    public string? ReferTo() => Text(Last("rejected-at-intake")?.Data, "referTo");

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

    public static string Date(DateTime? utc) => utc is { } t ? Domain.Calendar.ChinaTime.ToLocal(t).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) : "";
}
