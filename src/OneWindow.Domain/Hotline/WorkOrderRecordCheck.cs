using System.Text.Json;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Hotline;

/// <summary>
/// A work order checked against its sealed record (ADR 0017, 0034), as a case is: the chain (numbered, linked, each
/// seal matching its content under a record key), the row's count, last seal and revision, and the facts the events
/// establish — the number, the category and type it was filed under, its state, its lead unit and its counts of
/// returns, send-backs and reopenings. An edit of an event or of the row behind the app's back shows here. Given the
/// SHA-256 of each of the order's files as stored now, the files too: each file the record lists must be there with the
/// content it was entered with, and no file may be there that the record does not list (ADR 0036).
/// </summary>
public static class WorkOrderRecordCheck
{
    public static ChainVerification Verify(WorkOrder row, IReadOnlyList<WorkOrderEvent> events, RecordKeyRing keys,
        IReadOnlyDictionary<Guid, string>? storedFileHashes = null)
    {
        var chain = EventChain.Verify(events, keys);
        if (!chain.IsIntact)
        {
            return chain;
        }
        if (row.EventCount != events.Count)
        {
            return ChainVerification.Broken(events.Count, Math.Min(row.EventCount, events.Count) + 1, $"工单登记有 {row.EventCount} 条记录，实存 {events.Count} 条");
        }
        if (events.Count == 0)
        {
            return ChainVerification.Broken(0, 1, "工单没有记录");
        }
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        if (row.LastEventHash != ordered[^1].Hash)
        {
            return ChainVerification.Broken(events.Count, events.Count, "工单登记的最后一条记录与记录链不符");
        }
        if (row.Revision != row.EventCount)
        {
            return ChainVerification.Broken(events.Count, null, "工单的版本号与记录条数不符");
        }
        var differs = Facts(ordered).Where(f => !f.Agrees(row)).Select(f => f.Label).ToList();
        if (storedFileHashes is not null && !FilesAgree(ordered, storedFileHashes))
        {
            differs.Add("附件");
        }
        return differs.Count == 0 ? chain : ChainVerification.Broken(events.Count, null, $"工单的{string.Join("、", differs)}与记录不符");
    }

    private sealed record Fact(string Label, Func<WorkOrder, bool> Agrees);

    private static IEnumerable<Fact> Facts(List<WorkOrderEvent> ordered)
    {
        var registered = ordered[0];
        yield return new("状态", o => o.Status == ordered[^1].ToStatus);
        if (Text(registered, "number") is { } number)
        {
            yield return new("编号", o => o.Number == number);
        }
        if (Text(registered, "category") is { } category)
        {
            yield return new("分类", o => o.CategoryCode == category);
        }
        if (Text(registered, "type") is { } type)
        {
            yield return new("诉求类型", o => o.Type.ToString() == type);
        }
        if (ordered.Select(Lead).LastOrDefault(lead => lead is not null) is { } lead)
        {
            yield return new("主办单位", o => o.LeadUnitId?.ToString("D") == lead);
        }
        yield return new("退单次数", o => o.ReturnCount == ordered.Count(e => e.Action == "return-requested"));
        yield return new("退回重办次数", o => o.SendBackCount == ordered.Count(e => e.Action == "reply-sent-back"));
        yield return new("重办次数", o => o.ReopenCount == ordered.Count(e => e.Action == "reopened"));
    }

    /// <summary>The files the <c>files-added</c> events list, each as stored now: the same set, each with the same content.</summary>
    private static bool FilesAgree(List<WorkOrderEvent> ordered, IReadOnlyDictionary<Guid, string> stored)
    {
        var listed = new Dictionary<Guid, string>();
        foreach (var e in ordered.Where(e => e.Action == "files-added" && e.Data is not null))
        {
            using var doc = JsonDocument.Parse(e.Data!);
            if (!doc.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            foreach (var f in files.EnumerateArray())
            {
                if (!f.TryGetProperty("id", out var id) || !id.TryGetGuid(out var fileId) || !f.TryGetProperty("sha256", out var hash))
                {
                    return false;
                }
                listed[fileId] = hash.GetString() ?? "";
            }
        }
        return listed.Count == stored.Count && listed.All(l => stored.TryGetValue(l.Key, out var now) && string.Equals(now, l.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The lead unit a dispatch or a ruling named (a ruling keeps its dispatch's details under <c>dispatch</c>).</summary>
    private static string? Lead(WorkOrderEvent e) => e.Action switch
    {
        "dispatched" => Text(e, "lead"),
        "redispatched" or "assigned-by-ruling" => Text(e, "dispatch", "lead"),
        _ => null,
    };

    private static string? Text(WorkOrderEvent e, params string[] path)
    {
        if (e.Data is null)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(e.Data);
        var v = doc.RootElement;
        foreach (var property in path)
        {
            if (v.ValueKind != JsonValueKind.Object || !v.TryGetProperty(property, out v))
            {
                return null;
            }
        }
        return v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Null => null, _ => v.GetRawText() };
    }
}
