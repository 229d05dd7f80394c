using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// Wakes this instance's desk streams at once when a call is reported here; a call reported to another instance is
/// found by the streams' next read of the table (every <c>Hotline:CallPollMilliseconds</c>, 1,000 by default).
/// </summary>
public sealed class CallSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Raise() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => Volatile.Read(ref _next).Task.WaitAsync(timeout, ct).ContinueWith(_ => { }, CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}

/// <summary>A row of the caller's earlier orders as the desk shows it when the call comes in.</summary>
public sealed record CallHistoryRow(Guid Id, string Number, string RegisteredAt, string? CategoryName, string Excerpt, string Status);

/// <summary>A call event on the desk's stream, with the caller's earlier orders when the call rings or is answered.</summary>
public sealed record DeskCall(long Id, string CallId, string Line, string CallerPhone, CallEvent Event, string? RecordingRef, DateTime At, IReadOnlyList<CallHistoryRow>? History);

/// <summary>
/// 来电弹屏: the operators' desks listen on server-sent events (<c>/hotline/calls/live</c>, optionally <c>?line=</c> for
/// one extension). Each stream reads the call events after the last it sent (the browser's <c>Last-Event-ID</c> on a
/// reconnect, otherwise those from its start on), a few at a time on the primary key, and sends each with the
/// caller's earlier orders. The streams are capped (<c>Hotline:CallStreams</c>, 200 per instance): beyond it 503.
/// </summary>
public sealed class DeskCalls(IConfiguration configuration)
{
    private int _open;

    public int Cap { get; } = Math.Max(1, configuration.GetValue("Hotline:CallStreams", 200));

    public TimeSpan Poll { get; } = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Hotline:CallPollMilliseconds", 1000), 50, 60_000));

    public async Task RunAsync(HttpContext http, OneWindowDbContext db, CallSignal signal, string? line, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _open) > Cap)
        {
            Interlocked.Decrement(ref _open);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "30";
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 503, Title = Text.Translate("实时数据连接已满，请稍后再试。"), Extensions = { ["code"] = "live.server-full" } },
            });
            return;
        }
        try
        {
            var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var filter = string.IsNullOrWhiteSpace(line) ? null : line.Trim();
            var last = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var resumed) ? resumed
                : await db.Set<HotlineCall>().AsNoTracking().MaxAsync(c => (long?)c.Id, ct) ?? 0;
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await http.Response.WriteAsync(": listening\n\n", ct); // the headers go out now: the page knows it is connected
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                var calls = await db.Set<HotlineCall>().AsNoTracking().Where(c => c.Id > last).OrderBy(c => c.Id).Take(20).ToListAsync(ct);
                foreach (var call in calls)
                {
                    last = call.Id;
                    if (filter is not null && call.Line != filter)
                    {
                        continue;
                    }
                    IReadOnlyList<CallHistoryRow>? history = null;
                    if (call.Event != CallEvent.Ended)
                    {
                        var rows = await WorkOrderQueries.CallerHistoryAsync(db, call.CallerPhone, call.At, ct);
                        history = [.. rows.Select(r => new CallHistoryRow(r.Id, r.Number, ChinaTime.ToLocal(r.RegisteredAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                            r.CategoryName, r.Excerpt, HotlineText.Of(r.Status)))];
                    }
                    var payload = JsonSerializer.Serialize(new DeskCall(call.Id, call.CallId, call.Line, call.CallerPhone, call.Event, call.RecordingRef, call.At, history), json);
                    await http.Response.WriteAsync($"id: {call.Id}\nevent: call\ndata: {payload}\n\n", ct);
                }
                if (calls.Count > 0)
                {
                    await http.Response.Body.FlushAsync(ct);
                }
                if (calls.Count < 20)
                {
                    await signal.WaitAsync(Poll, ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The desk was closed.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }
}
