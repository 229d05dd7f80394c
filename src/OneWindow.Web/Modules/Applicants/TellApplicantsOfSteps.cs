using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Modules.Applicants;

/// <summary>
/// Tells applicants by SMS of each step of their case that asks something of them or that they wait for: received,
/// correction needed (the one-time notice, a return at pre-review, a correction during review), accepted, refused at
/// intake, decided, result ready (to collect, to be posted or online) and posted with its tracking number. A case hook:
/// the message is written to the outbox in the unit that records the step, once per step (the event's sequence is in
/// its dedup key), in plain Chinese with the case number, the item and what to do next. Staff-only moves (claims,
/// hand-overs, nodes, payments, calendar recounts) tell nobody; a part of a joint case is told through its joint case;
/// a case without a mobile number gets nothing. Several steps in one sitting (an instant item concluded at the window)
/// are one message, of the last.
/// </summary>
public sealed class TellApplicantsOfSteps(OneWindowDbContext db, Outbox outbox) : ICaseHook
{
    public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnCaseMovedAsync(CaseMoved moved, CancellationToken ct)
    {
        var c = moved.Case;
        if (c.ParentCaseId is not null || !MobileNumbers.IsMobile(c.Applicant.Phone))
        {
            return;
        }
        var step = moved.NewEvents.Where(e => Message(c, e, moved.Calendar) is not null).MaxBy(e => e.Sequence);
        // Handed over in the same sitting (an instant item at the window): the applicant has the result, nothing to wait for.
        var handedOver = step?.Action != "delivered" && moved.NewEvents.Any(e => e.Action == "delivered");
        if (step is null || handedOver)
        {
            return;
        }
        var key = DedupKey(c.Id, step.Sequence);
        // A case object that moves twice in one scope brings its earlier events along: a step already told stays told.
        // A case received just now has told nobody yet (its id is new), so its registration does not ask.
        if (!moved.IsNew && await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct))
        {
            return;
        }
        outbox.Sms(c.Applicant.Phone, c.Applicant.Name, Message(c, step, moved.Calendar)!, key);
    }

    public static string DedupKey(Guid caseId, int sequence) => $"case-step/{caseId:N}/{sequence}";

    /// <summary>The SMS for an event that concerns the applicant, or null for one that does not.</summary>
    public static string? Message(Case c, CaseEvent e, WorkingDayCalendar calendar)
    {
        var what = $"您的办件{c.Number}（{c.ItemName}）";
        var text = e.Action switch
        {
            "received" or "pre-review-passed" => $"{what}已收件。窗口将在5个工作日内受理或一次性告知需补正的材料，可凭办件编号在政务服务网查询进度。",
            "pre-review-returned" => $"{what}预审未通过，需修改或补充：{Short(c.PreReviewNote)}。请登录一窗通“我的办件”修改后重新提交。",
            "correction-requested" => $"{what}需补正材料：{Short(string.Join("、", c.MissingMaterials))}。请一次补齐后提交（网上申请在“我的办件”上传，窗口申请到原窗口），材料齐全即予受理。",
            "correction-paused" => $"{what}审查中需补正：{Short(string.Join("、", c.MissingMaterials))}。补正期间暂停计时，请尽快提交。",
            "accepted" => $"{what}已受理{(c.Clocks.PromisedDueAt is { } due ? $"，承诺于{ChinaTime.ToLocal(due).AddTicks(-1):yyyy年M月d日}前办结{(c.HasProvisionalDueDates(calendar) ? "（节假日以国务院办公厅通知为准）" : "")}" : "")}。可凭办件编号查询进度。",
            "rejected-at-intake" => $"{what}不予受理，理由：{Short(c.ClosingReason)}。不予受理决定书可登录“我的办件”查看打印，或到受理窗口领取。",
            "decided" => c.Decision.Outcome switch
            {
                DecisionOutcome.Grant => $"{what}已审批，决定准予。结果出具后将另行短信通知领取。",
                DecisionOutcome.PartlyGranted => $"{what}已审批，部分事项准予、部分不予，理由见决定书。结果出具后将另行短信通知。",
                _ => $"{what}已审批，决定不予许可，理由和救济途径见决定书，可登录“我的办件”查看或到窗口领取。",
            },
            "result-issued" => (c.Delivery.Requested ?? DeliveryMethod.WindowPickup) switch
            {
                DeliveryMethod.Mail => $"{what}办理结果已出具，将按您填写的地址邮寄，寄出后短信告知邮件号。",
                DeliveryMethod.Electronic => $"{what}办理结果已出具，请登录一窗通“我的办件”查看下载。",
                _ => $"{what}办理结果已出具，请携带本人身份证件到政务服务中心窗口领取。",
            },
            "delivered" when c.Delivery.Method == DeliveryMethod.Mail => $"{what}办理结果已邮寄，邮件号{c.Delivery.Reference}，请注意查收。",
            _ => null,
        };
        return text is null ? null : "【一窗通】" + text;
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 60 ? text[..60] + "…" : text;
}
