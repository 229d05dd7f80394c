using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>What the operator's desk, the public form and the API send to register an order.</summary>
public sealed record WorkOrderForm(WorkOrderChannel Channel, WorkOrderType Type, string? CategoryCode, string? Content, string? RegionCode,
    string? Address = null, double? Latitude = null, double? Longitude = null, string? CallerName = null, string? CallerPhone = null, bool Anonymous = false,
    bool Confidential = false, WorkOrderUrgency Urgency = WorkOrderUrgency.Normal, string? RelatedCaseNumber = null, string? CallId = null,
    bool? PublicationConsent = null)
{
    /// <summary>The API's files with the registration (ADR 0036): <c>{fileName, contentBase64, kind}</c>; the pages read theirs from the form.</summary>
    public IReadOnlyList<WorkOrderFileRequest>? Files { get; init; }
}

/// <summary>
/// 受理登记: an order registered by the operator (a call, a letter, an e-mail) or sent by the public form ("我要反映").
/// The category and the region must exist, a related case number must name a case. The number is taken in the
/// transaction that saves the order, so a refused registration leaves no gap. The public sender with a phone gets the
/// number by SMS to follow the order.
/// </summary>
public sealed class RegisterWorkOrder(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, Outbox outbox, TimeProvider clock, WorkOrderFiles attachments)
{
    public async Task<WorkOrder> ByOperatorAsync(ClaimsPrincipal principal, WorkOrderForm form, CancellationToken ct, IReadOnlyList<WorkOrderUpload>? files = null)
    {
        var by = await HotlineStaff.PartyAsync(principal, users, db);
        if (!by.IsCenter)
        {
            throw new ActionNotAllowedException("hotline.center-only", "只有 12345 热线坐席可以登记工单。");
        }
        return await RegisterAsync(by, principal.ActorName(), form, ct, files: files);
    }

    /// <summary>"我要反映": the public form, always the web channel and an ordinary urgency (an emergency is a call to 110).</summary>
    public Task<WorkOrder> FromPublicAsync(WorkOrderForm form, CancellationToken ct, IReadOnlyList<WorkOrderUpload>? files = null) =>
        RegisterAsync(HotlineParty.Caller, "public", form with { Channel = WorkOrderChannel.Web, Urgency = WorkOrderUrgency.Normal }, ct,
            files: files?.Select(f => f with { Kind = WorkOrderFileKind.CallerFile }).ToList());

    /// <summary>
    /// 其他系统: an order another system sends for its user (Open311), always the system channel and an ordinary urgency.
    /// <paramref name="alongside"/> adds what that system keeps of the request in the same transaction, so the order and
    /// its record there are saved together or not at all.
    /// </summary>
    public Task<WorkOrder> FromSystemAsync(HotlineParty by, WorkOrderForm form, Action<WorkOrder> alongside, CancellationToken ct) =>
        RegisterAsync(by, by.Actor.Name, form with { Channel = WorkOrderChannel.System, Urgency = WorkOrderUrgency.Normal }, ct, alongside);

    private async Task<WorkOrder> RegisterAsync(HotlineParty by, string auditActor, WorkOrderForm form, CancellationToken ct, Action<WorkOrder>? alongside = null,
        IReadOnlyList<WorkOrderUpload>? files = null)
    {
        var checkedFiles = attachments.Check(files ?? [], by.Actor.Name); // a refused file: nothing registered (ADR 0036)
        var code = form.CategoryCode?.Trim() ?? "";
        if (code.Length > 0 && !await db.Set<HotlineCategory>().AsNoTracking().AnyAsync(c => c.Code == code && c.Active, ct))
        {
            throw new DomainRuleException("hotline.category-unknown", "诉求分类不存在。", "categoryCode");
        }
        var region = form.RegionCode?.Trim() ?? "";
        if (region.Length == 12 && !await db.Regions.AsNoTracking().AnyAsync(r => r.Code == region, ct))
        {
            throw new DomainRuleException("hotline.region-unknown", "行政区划不存在，请从列表中选择。", "regionCode");
        }
        if (!string.IsNullOrWhiteSpace(form.RelatedCaseNumber) && form.RelatedCaseNumber.Trim() is var caseNumber
            && !await db.Cases.AsNoTracking().AnyAsync(c => c.Number == caseNumber, ct))
        {
            throw new DomainRuleException("hotline.case-unknown", $"办件 {caseNumber} 不存在，请核对办件编号。", "relatedCaseNumber");
        }
        // Registered from a reported call (the desk's call panel, or an API client naming it): the call must exist; its
        // recording reference, if the telephony has sent one yet, goes on the order (a later one follows, ReceiveCall).
        var callId = string.IsNullOrWhiteSpace(form.CallId) || by == HotlineParty.Caller ? null : form.CallId.Trim();
        string? recording = null;
        if (callId is not null)
        {
            var events = await db.Set<HotlineCall>().AsNoTracking().Where(c => c.CallId == callId).OrderByDescending(c => c.Id)
                .Select(c => new { c.RecordingRef }).Take(10).ToListAsync(ct);
            if (events.Count == 0)
            {
                throw new DomainRuleException("hotline.call-unknown", "没有收到该呼叫的来电事件，请核对呼叫编号。", "callId");
            }
            recording = events.Select(e => e.RecordingRef).FirstOrDefault(r => r is not null);
        }
        var intake = new WorkOrderIntake(form.Channel, form.Type, code, form.Content ?? "", region, form.Address, form.Latitude, form.Longitude,
            form.CallerName, form.CallerPhone, form.Anonymous, form.Confidential, form.Urgency, form.RelatedCaseNumber, callId, recording, form.PublicationConsent);
        var now = clock.GetUtcNow().UtcDateTime;
        return await unit.RunAsync(async t =>
        {
            var number = region.Length == 12 ? await WorkOrderNumbers.NextAsync(db, region, now, t) : "-";
            var order = WorkOrder.Register(intake, number, by, now);
            attachments.Attach(order, checkedFiles, 0, by, now);
            db.Add(order);
            db.Set<WorkOrderEvent>().AddRange(order.NewEvents);
            alongside?.Invoke(order);
            db.Audit(now, auditActor, "WorkOrder", order.Number, "registered", new { order.Channel, order.Type, order.CategoryCode, order.CallId });
            if (by == HotlineParty.Caller && order.CallerPhone is { } phone)
            {
                outbox.Sms(phone, order.CallerName ?? "", $"【12345】您反映的问题已受理，工单编号 {order.Number}。可凭编号和手机号后四位查询办理进度。",
                    $"work-order-registered:{order.Id}");
            }
            return order;
        }, ct);
    }
}
