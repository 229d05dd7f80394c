using System.Text.Json.Serialization;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// What every action on a case is sent with: the revision of the case the person saw (a newer one means someone else
/// acted in between, and nothing is saved). Each action has its own request with its own fields, for the API (its
/// OpenAPI schema) and the workbench form alike; a field an action does not read is not in its request.
/// </summary>
public interface ICaseActionRequest
{
    int Revision { get; }
}

// The requests are records with settable properties (not positional) so that the workbench form binds into the same
// type the API reads from JSON. Fields left out are null; the domain then refuses what an action needs and lacks with
// its own message, the same at the window and through the API.

/// <summary>预审通过: the online submission is complete in form and is received now.</summary>
public sealed record PreReviewPassRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Opinion { get; init; }
}

/// <summary>预审退回: every problem of the online submission, listed once.</summary>
public sealed record PreReviewReturnRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public IReadOnlyList<string>? Missing { get; init; }
}

/// <summary>
/// 受理: the legal clock starts. 容缺受理, where the guide allows it for what is missing: the day the applicant commits to
/// hand the deferred materials in by, and that the written commitment was signed.
/// </summary>
public sealed record AcceptRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Opinion { get; init; }
    public DateOnly? DeferredUntil { get; init; }
    public bool CommitmentSigned { get; init; }

    /// <summary>The deferral asked for, when either of its fields was given.</summary>
    [JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public MaterialDeferral? Deferral => DeferredUntil is null && !CommitmentSigned ? null : new(DeferredUntil ?? DateOnly.MinValue, CommitmentSigned);
}

/// <summary>补齐容缺材料: the deferred materials that came in after acceptance.</summary>
public sealed record SupplyDeferredRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public IReadOnlyList<string>? Provided { get; init; }
}

/// <summary>一次性告知: every missing material at once; a second notice needs a reason.</summary>
public sealed record CorrectionRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public IReadOnlyList<string>? Missing { get; init; }
    public string? Reason { get; init; }
}

/// <summary>补正: the materials that came in.</summary>
public sealed record SupplementRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public IReadOnlyList<string>? Provided { get; init; }
}

/// <summary>不予受理: the reason with its legal basis, and where to apply instead.</summary>
public sealed record RejectRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Reason { get; init; }
    public string? ReferTo { get; init; }
}

/// <summary>The current node's opinion, completing it.</summary>
public sealed record CompleteNodeRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Opinion { get; init; }
}

/// <summary>Back to the previous node, with the reason.</summary>
public sealed record ReturnNodeRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Reason { get; init; }
}

/// <summary>特别程序 (hearing, testing, expert review…): the clock stops for the expected working days.</summary>
public sealed record SuspendRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Procedure { get; init; }
    public int? ExpectedWorkingDays { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Materials asked for during review: the clock stops until they come or the days run out.</summary>
public sealed record PauseForCorrectionRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public IReadOnlyList<string>? Missing { get; init; }
    public int? ExpectedWorkingDays { get; init; }
}

/// <summary>The special procedure or correction ended, with its result: the clock runs again.</summary>
public sealed record ResumeRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Opinion { get; init; }
}

/// <summary>延期: once, by an approver, with the reason; the working days default to the law's extension.</summary>
public sealed record ExtendRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public int? WorkingDays { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The decision: Grant (the default) or Deny with its reason.</summary>
public sealed record DecideRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public DecisionOutcome? Outcome { get; init; }
    public string? Reason { get; init; }
    /// <summary>The scope granted (经营项目, 许可范围…), required for a grant when the item's result has one.</summary>
    public string? Scope { get; init; }
}

/// <summary>统一收费: the amount and receipt, online or at the cashier; a reason when it differs from the standard fees.</summary>
public sealed record PayRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public decimal? Amount { get; init; }
    public string? ReceiptNumber { get; init; }
    public bool Online { get; init; }
    public string? Reason { get; init; }
    /// <summary>What was paid per fee line, in the case's fee order (needed when there are several and the amount is not the standard).</summary>
    public IReadOnlyList<decimal>? FeeLines { get; init; }
}

/// <summary>The result issued under its number (licence or decision); for a joint case also each part's own number, by part number.</summary>
public sealed record IssueRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? ResultNumber { get; init; }
    public Dictionary<string, string>? PartResultNumbers { get; init; }
}

/// <summary>送达: how (window pickup by default, mail, electronic) and the tracking number for mail.</summary>
public sealed record DeliverRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public DeliveryMethod? Method { get; init; }
    public string? Reference { get; init; }
}

/// <summary>即办: accepted, granted, issued and handed over at once under the result's number.</summary>
public sealed record ConcludeInstantlyRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? ResultNumber { get; init; }
    public string? Scope { get; init; }
}

/// <summary>认领: the case at its node into the person's own hands.</summary>
public sealed record ClaimRequest : ICaseActionRequest
{
    public int Revision { get; init; }
}

/// <summary>To a colleague (user name) who may act at the node, with the reason.</summary>
public sealed record HandOverRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? ToUser { get; init; }
    public string? Reason { get; init; }

    /// <summary>The colleague resolved from <see cref="ToUser"/> before the action runs (never read from the request).</summary>
    [JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public HandOverTarget? Target { get; init; }
}

/// <summary>The applicant withdraws, with the reason.</summary>
public sealed record WithdrawRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Reason { get; init; }
}

/// <summary>终止: for a legal reason, by an approver.</summary>
public sealed record TerminateRequest : ICaseActionRequest
{
    public int Revision { get; init; }
    public string? Reason { get; init; }
}
