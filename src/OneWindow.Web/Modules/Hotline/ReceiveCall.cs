using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.ApiClients;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>What the telephony sends: the caller's number, the line (the hotline's trunk or the operator's extension), its call id, the event, and the recording's reference when it has one.</summary>
public sealed record CallReport(string? CallerNumber, string? Line, string? CallId, CallEvent? Event, string? RecordingRef = null);

public sealed record CallReceived(long Id, string CallId, CallEvent Event, DateTime At);

/// <summary>
/// 来电事件: the call center's telephony reports a call (a client key with the scope <c>hotline:calls</c>). The event is
/// kept and the operators' desks receive it through their live stream on every instance; a recording reported with a
/// later event of the call reaches the order already registered from it. Bad input is a 400 naming its field and
/// saves nothing.
/// </summary>
public sealed class ReceiveCall(OneWindowDbContext db, WriteUnit unit, CallSignal signal, TimeProvider clock)
{
    public async Task<CallReceived> RunAsync(ClaimsPrincipal client, CallReport report, CancellationToken ct)
    {
        var callId = report.CallId?.Trim() ?? "";
        if (callId.Length is 0 or > WorkOrder.MaxCallIdLength || !callId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            throw new DomainRuleException("hotline.call-id-invalid", "呼叫编号（callId）须为 1–64 位字母、数字或 - _ . :。", "callId");
        }
        var line = report.Line?.Trim() ?? "";
        if (line.Length is 0 or > HotlineCall.MaxLineLength)
        {
            throw new DomainRuleException("hotline.line-invalid", "线路（line）须为 1–20 个字符。", "line");
        }
        var written = report.CallerNumber?.Trim() ?? "";
        var phone = WorkOrder.CallerPhoneKey(written);
        if (written.Length > 20 || !written.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+') || phone is not { Length: >= 3 })
        {
            throw new DomainRuleException("hotline.caller-number-invalid", "来电号码（callerNumber）须为 3–20 位数字。", "callerNumber");
        }
        if (report.Event is not { } kind || !Enum.IsDefined(kind))
        {
            throw new DomainRuleException("hotline.call-event-invalid", "事件（event）须为 ringing、answered 或 ended。", "event");
        }
        var recording = string.IsNullOrWhiteSpace(report.RecordingRef) ? null : report.RecordingRef.Trim();
        if (recording is { Length: > WorkOrder.MaxRecordingRefLength })
        {
            throw new DomainRuleException("hotline.recording-ref-too-long", $"录音编号（recordingRef）最多 {WorkOrder.MaxRecordingRefLength} 个字符。", "recordingRef");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var call = new HotlineCall
        {
            CallId = callId, Line = line, CallerPhone = phone, Event = kind, RecordingRef = recording, At = now,
            ReportedBy = ApiClientCaller.Of(client)?.ActorName ?? "api",
        };
        await unit.RunAsync(async t =>
        {
            db.Add(call);
            if (recording is not null)
            {
                // The order registered while the caller was on the line learns where its recording is.
                await db.Set<WorkOrder>().Where(o => o.CallId == callId && o.RecordingRef == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.RecordingRef, recording), t);
            }
        }, ct);
        signal.Raise();
        return new CallReceived(call.Id, call.CallId, call.Event, call.At);
    }
}
