namespace OneWindow.Domain.Hotline;

/// <summary>What a file of a work order is, by who brought it and at which step (ADR 0036).</summary>
public enum WorkOrderFileKind
{
    /// <summary>来电人材料: a photo or document the caller sent with the public form, or handed to the operator.</summary>
    CallerFile = 1,
    /// <summary>来信/邮件扫描件: the scan of a letter or the e-mail the operator registered the order from.</summary>
    LetterScan = 2,
    /// <summary>中心材料: a file the center adds to an open order (a redacted copy for the unit, a note of the call).</summary>
    CenterFile = 3,
    /// <summary>答复附件: a file of the lead unit's reply.</summary>
    ReplyFile = 4,
    /// <summary>协办附件: a file of a co-handler's contribution.</summary>
    ContributionFile = 5,
}

/// <summary>A file as the order's record holds it: its id, kind, detected type, size and the SHA-256 of its content (never its name).</summary>
public sealed record WorkOrderAttachment(Guid Id, WorkOrderFileKind Kind, string ContentType, long Length, string Sha256);

/// <summary>
/// 附件: a work order's files (ADR 0036). Each step that brings files appends one <c>files-added</c> event listing them
/// with their SHA-256, so that the record check catches a file swapped or slipped in afterwards. Who adds which kind:
/// the public sender its own files at registration; the center the caller's files, letter scans and its own files while
/// the order is open; the lead unit its reply's files with the reply; a co-handler its contribution's files with it.
/// </summary>
public sealed partial class WorkOrder
{
    /// <summary>Files one step may bring (the public form, a registration, a reply, a contribution, a later addition).</summary>
    public const int MaxFilesPerStep = 5;
    /// <summary>Files one order may hold in all.</summary>
    public const int MaxFilesPerOrder = 20;

    /// <summary>Whether a file of this kind may name the caller: on a confidential order the units never see it (ADR 0036).</summary>
    public static bool MayNameCaller(WorkOrderFileKind kind) => kind is WorkOrderFileKind.CallerFile or WorkOrderFileKind.LetterScan;

    /// <summary>
    /// Who may open a file of this order: the center; the lead unit and the co-handlers, except, on a confidential
    /// order, the files that may name the caller. Nobody else (the public tracking shows no files).
    /// </summary>
    public bool MayOpenFile(HotlineParty by, WorkOrderFileKind kind) =>
        by.IsCenter || by != HotlineParty.Caller && by.UnitId is { } unit && Involves(unit) && !(Confidential && MayNameCaller(kind));

    /// <summary>
    /// Enters the files of the step just taken (or, for the center, of an addition on its own) in the record.
    /// <paramref name="alreadyAttached"/> is the number of files the order holds before them.
    /// </summary>
    public void AttachFiles(IReadOnlyList<WorkOrderAttachment> files, int alreadyAttached, HotlineParty by, DateTime now)
    {
        if (files.Count == 0)
        {
            return;
        }
        if (files.Count > MaxFilesPerStep)
        {
            throw new DomainRuleException("hotline.file-too-many", $"一次最多添加 {MaxFilesPerStep} 个附件（本次 {files.Count} 个）。", "files");
        }
        if (alreadyAttached + files.Count > MaxFilesPerOrder)
        {
            throw new DomainRuleException("hotline.file-too-many", $"一张工单最多 {MaxFilesPerOrder} 个附件（已有 {alreadyAttached} 个）。", "files");
        }
        var justDid = _events.Count > 0 ? _events[^1].Action : null;
        var step = by switch
        {
            _ when by == HotlineParty.Caller => Status == WorkOrderStatus.Registered && justDid == "registered"
                && files.All(f => f.Kind == WorkOrderFileKind.CallerFile) ? "registered" : null,
            { IsCenter: true } => IsOpen && files.All(f => f.Kind is WorkOrderFileKind.CallerFile or WorkOrderFileKind.LetterScan or WorkOrderFileKind.CenterFile)
                ? justDid == "registered" ? "registered" : "added" : null,
            { UnitId: { } unit } when unit == LeadUnitId => justDid == "replied" && files.All(f => f.Kind == WorkOrderFileKind.ReplyFile) ? "replied" : null,
            { UnitId: { } unit } when CoHandlers.Any(c => c.UnitId == unit) => justDid == "contributed" && files.All(f => f.Kind == WorkOrderFileKind.ContributionFile)
                ? "contributed" : null,
            _ => null,
        };
        if (step is null)
        {
            throw new ActionNotAllowedException("hotline.file-not-allowed", "此时不能为该工单添加这类附件。");
        }
        if (files.Any(f => f.Length <= 0 || f.Sha256.Length != 64 || string.IsNullOrWhiteSpace(f.ContentType)) || files.Select(f => f.Id).Distinct().Count() != files.Count)
        {
            throw new DomainRuleException("hotline.file-invalid", "附件信息不完整。", "files");
        }
        Append(by, now, "files-added", Status, null, new
        {
            step,
            files = files.Select(f => new { id = f.Id, kind = f.Kind, type = f.ContentType, length = f.Length, sha256 = f.Sha256 }),
        });
    }
}
