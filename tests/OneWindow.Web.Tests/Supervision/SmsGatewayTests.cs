using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// SMS go out through the outbox after the commit: a gateway that takes its time holds up no request and nobody's
/// writes; its messages go when it answers (ADR 0019).
/// </summary>
public sealed class SmsGatewayTests : IDisposable
{
    private readonly HeldGateway _gateway = new();
    private readonly OneWindowFactory _app;

    public SmsGatewayTests() => _app = OneWindowFactory.WithServices(services =>
    {
        services.RemoveAll<ISmsGateway>();
        services.AddSingleton<ISmsGateway>(_gateway);
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_registration_goes_through_while_the_gateway_holds_an_sms()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", "短信甲");
        using (var scope = _app.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            await scope.ServiceProvider.GetRequiredService<Data.WriteUnit>().RunAsync(_ =>
            {
                outbox.Sms("13800000001", "申请人", "【一窗通】测试短信", "test:" + c.Number);
                return Task.CompletedTask;
            }, CancellationToken.None);
        }

        var sending = _app.DeliverOutboxAsync();
        await _gateway.Called.WaitAsync(TimeSpan.FromSeconds(30)); // the dispatcher is at the gateway
        var next = await CaseApi.Register(clerk, "431025-MZ-002", "短信乙").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(c.Number, next.Number);
        Assert.False(sending.IsCompleted);

        _gateway.Release();
        // The test's message and the first applicant's "received" SMS (issue 18), claimed before the second registration.
        Assert.Equal(2, (await sending).Sent);
        var db = _app.NewDbContext(out var read);
        using (read)
        {
            Assert.Equal(OutboxState.Sent, await db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey == "test:" + c.Number).Select(m => m.State).SingleAsync());
        }
    }

    /// <summary>An SMS gateway that answers only when the test lets it.</summary>
    private sealed class HeldGateway : ISmsGateway
    {
        private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Called => _called.Task;

        public void Release() => _released.TrySetResult();

        public async Task SendAsync(SmsMessage message, CancellationToken ct)
        {
            _called.TrySetResult();
            await _released.Task.WaitAsync(ct);
        }
    }
}
