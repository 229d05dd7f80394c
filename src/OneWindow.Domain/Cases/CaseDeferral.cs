using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Cases;

/// <summary>
/// 容缺受理 as the clerk records it: the day by which the applicant commits to hand in the deferred materials, and
/// that the applicant signed the written commitment (承诺书).
/// </summary>
public sealed record MaterialDeferral(DateOnly Until, bool CommitmentSigned);

/// <summary>
/// 容缺受理: an application whose only missing materials are minor ones the guide lets be deferred is accepted
/// against the applicant's written commitment to hand them in by a date. The acceptance notice says so, the grant
/// waits for them, and supervision watches the date (<c>DeferralOverdue</c>).
/// </summary>
public sealed partial class Case
{
    /// <summary>When the last deferred material came in; null while one is missing or none was deferred.</summary>
    public DateTime? DeferredSuppliedAt { get; private set; }

    /// <summary>Whether acceptance could defer what is missing now: something is missing and the guide lets all of it wait.</summary>
    public bool MayAcceptWithDeferral =>
        Status == CaseStatus.Received && !IsInstant && RequiredMaterialsMissing is { Count: > 0 } missing
        && missing.All(m => DeferrableMaterials.Contains(m, StringComparer.Ordinal));

    /// <summary>The materials acceptance defers, after checking the clerk's deferral against the guide and the clock.</summary>
    private IReadOnlyList<string> CheckDeferral(MaterialDeferral? deferral, DateTime now, WorkingDayCalendar calendar)
    {
        var missing = RequiredMaterialsMissing;
        if (deferral is null)
        {
            if (missing.Count == 0)
            {
                return [];
            }
            var hint = MayAcceptWithDeferral ? "该事项允许对这些材料容缺受理：申请人签署承诺书并约定补齐日期后可容缺受理；" : "";
            throw new DomainRuleException("case.materials-missing",
                $"以下必要材料尚未收取，不能受理：{string.Join("、", missing)}。{hint}请一次性告知申请人补正，材料补齐后再受理。", "materials");
        }
        if (missing.Count == 0)
        {
            throw new DomainRuleException("case.nothing-to-defer", "材料已经齐全，无需容缺受理。", "deferral");
        }
        var notDeferrable = missing.Where(m => !DeferrableMaterials.Contains(m, StringComparer.Ordinal)).ToList();
        if (IsInstant || notDeferrable.Count > 0)
        {
            throw new DomainRuleException("case.not-deferrable",
                $"办事指南未允许以下材料容缺，须补齐后受理：{string.Join("、", IsInstant ? missing : notDeferrable)}。", "materials");
        }
        if (!deferral.CommitmentSigned)
        {
            throw new DomainRuleException("case.commitment-required", "容缺受理须由申请人签署书面承诺，写明补齐材料的日期。", "commitmentSigned");
        }
        // The materials must be in before the promise runs out, or the grant they hold up would be late.
        var today = ChinaTime.DateOf(now);
        var promised = ChinaTime.DateOf(LegalClock.Due(calendar, now, Math.Max(1, Clocks.PromisedLimitDays)).DueAtUtc!.Value.AddTicks(-1));
        if (deferral.Until <= today || deferral.Until > promised)
        {
            throw new DomainRuleException("case.deferral-date",
                $"承诺补齐日期应在今天之后、承诺办结日（{promised:yyyy-MM-dd}）之前。", "deferredUntil");
        }
        return missing;
    }

    /// <summary>补齐容缺材料: deferred materials handed in after acceptance; the grant may follow once all are in.</summary>
    public void SupplyDeferred(IReadOnlyList<string> provided, Actor actor, DateTime now)
    {
        Authorize(CaseActionNames.SupplyDeferred, actor);
        if (Status is not (CaseStatus.Accepted or CaseStatus.Suspended) || DeferredMaterialsMissing.Count == 0)
        {
            throw new DomainRuleException("case.nothing-deferred", "该案件没有待补齐的容缺材料。");
        }
        var items = CaseInput.Names(provided, "provided");
        var unknown = items.Where(m => !DeferredMaterialsMissing.Contains(m, StringComparer.Ordinal)).ToList();
        if (items.Count == 0 || unknown.Count > 0)
        {
            throw new DomainRuleException("case.not-deferred-material",
                $"请从待补齐的容缺材料中选择：{string.Join("、", DeferredMaterialsMissing)}。", "provided");
        }
        MaterialsReceived = [.. MaterialsReceived.Union(items, StringComparer.Ordinal)];
        if (DeferredMaterialsMissing.Count == 0)
        {
            DeferredSuppliedAt = now;
        }
        Append(actor, now, "deferred-supplied", Status, Status, CurrentNode?.Name, null,
            new { provided = items, outstanding = DeferredMaterialsMissing, late = ChinaTime.DateOf(now) > DeferredUntil });
    }

    /// <summary>A grant issues the result the deferred materials were promised for: it waits for them.</summary>
    private void RequireDeferredSupplied()
    {
        if (DeferredMaterialsMissing is { Count: > 0 } missing)
        {
            throw new DomainRuleException("case.deferred-materials-missing",
                $"容缺材料尚未补齐（{string.Join("、", missing)}，承诺 {DeferredUntil:yyyy-MM-dd} 前补齐），补齐后才能作出准予决定。", "outcome");
        }
    }
}
