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
    public DateOnly Today { get; init; }

    /// <summary>The notice of that kind, or null when the case has no grounds for it. <paramref name="origin"/> is the site's scheme and host, for the QR code.</summary>
    public static CaseNotice? For(CaseView view, string kind, string origin, DateTime now)
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
        return new CaseNotice
        {
            View = view, Kind = kind, Title = title, QrTarget = target, QrDataUri = QrCodes.DataUri(target),
            Today = Domain.Calendar.ChinaTime.DateOf(now),
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
    public string? ReferTo()
    {
        if (Last("rejected-at-intake")?.Data is not { } data)
        {
            return null;
        }
        using var json = System.Text.Json.JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty("referTo", out var referTo) && referTo.ValueKind == System.Text.Json.JsonValueKind.String ? referTo.GetString() : null;
    }

    public static string Date(DateTime? utc) => utc is { } t ? Domain.Calendar.ChinaTime.ToLocal(t).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) : "";
}
