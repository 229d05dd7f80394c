using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// SMS go out after the commit and outside SQLite's write gate: a gateway that takes its time holds up nobody
/// else's writes (on PostgreSQL there is no gate, and the test holds as well).
/// </summary>
public sealed class SmsGatewayTests : IDisposable
{
    private readonly HeldGateway _gateway = new();
    private readonly OneWindowFactory _app;

    public SmsGatewayTests() => _app = OneWindowFactory.WithServices(services =>
    {
        services.RemoveAll<INotificationSender>();
        services.AddSingleton<INotificationSender>(_gateway);
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_registration_goes_through_while_the_sms_of_a_notice_wait_for_the_gateway()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", "短信甲");
        var supervisor = await _app.SignedIn("supervisor");
        var issuing = Forms.PostAsync(supervisor, "/supervision/notices/new?case=" + c.Number, new Dictionary<string, string>
        {
            ["Case"] = c.Number, ["Title"] = "群众反映办理缓慢", ["Requirement"] = "请核实办理进度并书面说明", ["ReplyWorkingDays"] = "2",
        });
        await _gateway.Called.WaitAsync(TimeSpan.FromSeconds(30)); // the notice is committed and its first SMS is at the gateway

        var next = await CaseApi.Register(clerk, "431025-MZ-002", "短信乙").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(issuing.IsCompleted); // the supervisor's request still waits for the gateway, and only it
        _gateway.Release();
        Assert.Equal(HttpStatusCode.Redirect, (await issuing).StatusCode);
        Assert.NotEqual(c.Number, next.Number);
    }

    /// <summary>An SMS gateway that answers only when the test lets it.</summary>
    private sealed class HeldGateway : INotificationSender
    {
        private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Called => _called.Task;

        public void Release() => _released.TrySetResult();

        public async Task SendAsync(string? mobile, string recipientName, string text, CancellationToken ct)
        {
            _called.TrySetResult();
            await _released.Task.WaitAsync(ct);
        }
    }
}
