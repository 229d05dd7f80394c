using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The telephony seam: <c>POST /api/v1/hotline/calls</c> with and without the scope, bad input (400, nothing saved), the
/// desk's live stream delivering the call with the caller's earlier orders, and the order registered from the call
/// keeping its call id and recording reference (also one reported after the registration).
/// </summary>
public class CallEventTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Calls = "/api/v1/hotline/calls";
    private static int _serial;

    private async Task<HttpClient> ClientWithAsync(params string[] scopes)
    {
        var admin = await app.SignedInOnce("admin");
        var department = scopes.Contains(ApiScopes.CertificatesWrite)
            ? await DepartmentIdAsync("临武县民政局")
            : (Guid?)null;
        var response = await admin.PostAsJsonAsync("/api/v1/admin/api-clients", new
        {
            name = $"呼叫中心 {Interlocked.Increment(ref _serial)}", contact = "呼叫中心 运维 0735-6361299", departmentId = department, scopes,
        }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (await response.ReadJsonAsync()).GetProperty("key").GetString()!;
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<Guid> DepartmentIdAsync(string name)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
        }
    }

    private async Task<int> CallRowsAsync(string callId)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<HotlineCall>().CountAsync(c => c.CallId == callId);
        }
    }

    [Fact]
    public async Task Only_a_key_with_the_hotline_calls_scope_reports_calls()
    {
        var report = new { callerNumber = "13907359001", line = "8001", callId = "scope-1", @event = "Ringing" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync(Calls, report, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInOnce("hotline")).PostAsJsonAsync(Calls, report, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ClientWithAsync(ApiScopes.CertificatesWrite)).PostAsJsonAsync(Calls, report, Json.Options)).StatusCode);
        Assert.Equal(0, await CallRowsAsync("scope-1"));
        var accepted = await (await ClientWithAsync(ApiScopes.HotlineCalls)).PostAsJsonAsync(Calls, report, Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, await CallRowsAsync("scope-1"));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_its_field_and_saves_nothing()
    {
        var telephony = await ClientWithAsync(ApiScopes.HotlineCalls);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { callerNumber = "13907359002", line = "8001", callId = "", @event = "Ringing" }, "callId"),
            (new { callerNumber = "13907359002", line = "8001", callId = "bad id with spaces", @event = "Ringing" }, "callId"),
            (new { callerNumber = "13907359002", line = "", callId = "bad-2", @event = "Ringing" }, "line"),
            (new { callerNumber = "call me", line = "8001", callId = "bad-3", @event = "Ringing" }, "callerNumber"),
            (new { callerNumber = "13907359002", line = "8001", callId = "bad-5", @event = "Ended", recordingRef = new string('r', 201) }, "recordingRef"),
        })
        {
            var problem = await ProblemAsync(telephony.PostAsJsonAsync(Calls, body, Json.Options), HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{field}: {problem}");
        }
        var unknownEvent = await telephony.PostAsync(Calls, new StringContent("""{"callerNumber":"13907359002","line":"8001","callId":"bad-6","event":"Exploded"}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownEvent.StatusCode);
        await ProblemAsync(telephony.PostAsJsonAsync(Calls, new { callerNumber = "13907359002", line = "8001", callId = "bad-4" }, Json.Options), HttpStatusCode.BadRequest);
        foreach (var id in new[] { "bad-2", "bad-3", "bad-4", "bad-5", "bad-6" })
        {
            Assert.Equal(0, await CallRowsAsync(id));
        }
    }

    [Fact]
    public async Task The_desk_stream_delivers_the_call_with_the_callers_earlier_orders_and_the_order_keeps_the_call_and_its_recording()
    {
        var hotline = await app.SignedIn("hotline");
        var earlier = await RegisterAsync(hotline, Call("上次反映的路灯问题", phone: "0735-6369911", category: "CX.02"));

        using var stream = await hotline.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/hotline/calls/live?line=8002"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": listening", await reader.ReadLineAsync());

        var telephony = await ClientWithAsync(ApiScopes.HotlineCalls);
        // Another line's call is not this desk's; then the caller on this desk's line, written without the dash.
        Assert.Equal(HttpStatusCode.Accepted, (await telephony.PostAsJsonAsync(Calls, new { callerNumber = "13907359003", line = "8009", callId = "other-line", @event = "Ringing" }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await telephony.PostAsJsonAsync(Calls, new { callerNumber = "07356369911", line = "8002", callId = "desk-1", @event = "Ringing" }, Json.Options)).StatusCode);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        JsonElement call = default;
        while (call.ValueKind == JsonValueKind.Undefined)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("stream ended");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                call = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }
        Assert.Equal("desk-1", call.GetProperty("callId").GetString());
        Assert.Equal("07356369911", call.GetProperty("callerPhone").GetString());
        Assert.Contains(call.GetProperty("history").EnumerateArray(), h => h.GetProperty("number").GetString() == earlier.Number);

        // Registered from the call while it is on; the recording comes with the end of the call.
        var order = await RegisterAsync(hotline, Call("又来反映路灯", phone: "07356369911", category: "CX.02") with { CallId = "desk-1" });
        Assert.Equal("desk-1", order.CallId);
        Assert.Null(order.RecordingRef);
        Assert.Equal(HttpStatusCode.Accepted, (await telephony.PostAsJsonAsync(Calls,
            new { callerNumber = "07356369911", line = "8002", callId = "desk-1", @event = "Ended", recordingRef = "rec/2026/11/22/desk-1.wav" }, Json.Options)).StatusCode);
        var after = await (await hotline.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal("rec/2026/11/22/desk-1.wav", after.RecordingRef);
        // The order page shows the call line.
        var page = await hotline.GetStringAsync($"/hotline/orders/{order.Id}");
        Assert.Contains("rec/2026/11/22/desk-1.wav", page, StringComparison.Ordinal);

        // An unknown call id is refused for its field.
        await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders", Call("没有这通电话") with { CallId = "never-rang" }, Json.Options), HttpStatusCode.BadRequest);
    }
}
