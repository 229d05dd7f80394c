using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// Messages leave through the outbox: saved with what they tell of, sent by the dispatcher after the commit. A
/// dispatcher that stops in the middle of a send loses nothing and sends nothing twice: what it was sending is marked
/// failed (its outcome is unknown), the rest goes out once from another instance (ADR 0019).
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private readonly RecordingGateway _first = new(hangOn: 3);
    private readonly RecordingGateway _second = new(hangOn: null);
    private readonly OneWindowFactory _app;
    private readonly OneWindowFactory _other;

    public OutboxTests()
    {
        _app = OneWindowFactory.WithServices(services => Use(services, _first));
        _other = OneWindowFactory.SharingDatabaseOf(_app, services => Use(services, _second));
    }

    public void Dispose()
    {
        _first.Release();
        _other.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task A_dispatcher_stopped_in_the_middle_of_a_send_leaves_that_message_failed_and_the_rest_for_another_instance()
    {
        var keys = await StageAsync(_app, 5);

        // The first instance sends two, and stops for good in the middle of the third (as a killed process would).
        var abandoned = _app.DeliverOutboxAsync();
        await _first.Hung.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(abandoned.IsCompleted);

        // Another instance, once the claim's lease has run out: the third is failed, the fourth and fifth go out.
        _other.Clock.Set(_app.Clock.GetUtcNow() + OutboxDispatcher.Lease + TimeSpan.FromSeconds(1));
        var result = await _other.DeliverOutboxAsync();
        Assert.Equal((2, 1), (result.Sent, result.Recovered));

        var sentByFirst = _first.Sent.Select(m => m.Text).ToList();
        var sentBySecond = _second.Sent.Select(m => m.Text).ToList();
        Assert.Equal(keys[..3], sentByFirst);  // the third reached the gateway before the stop
        Assert.Equal(keys[3..], sentBySecond);
        Assert.Empty(sentByFirst.Intersect(sentBySecond)); // nobody is told twice
        var states = await StatesAsync(_app);
        Assert.Equal([OutboxState.Sent, OutboxState.Sent, OutboxState.Failed, OutboxState.Sent, OutboxState.Sent], keys.Select(k => states[k]));

        // The stopped dispatcher, were it to wake, cannot mark the message it no longer holds.
        _first.Release();
        await abandoned.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(OutboxState.Failed, (await StatesAsync(_app))[keys[2]]);
        var again = await _other.DeliverOutboxAsync();
        Assert.Equal((0, 0), (again.Sent, again.Failed));
    }

    [Fact]
    public async Task A_message_the_gateway_refuses_is_tried_again_later_and_fails_after_the_last_try()
    {
        var keys = await StageAsync(_other, 1);
        _second.RefuseNext(OutboxDispatcher.MaxAttempts);
        for (var attempt = 1; attempt <= OutboxDispatcher.MaxAttempts; attempt++)
        {
            await _other.DeliverOutboxAsync();
            Assert.Equal(attempt < OutboxDispatcher.MaxAttempts ? OutboxState.Pending : OutboxState.Failed, (await StatesAsync(_other))[keys[0]]);
            var early = await _other.DeliverOutboxAsync(); // a refused message waits for its time
            Assert.Equal((0, 0, 0), (early.Sent, early.Retried, early.Failed));
            _other.Clock.Advance(TimeSpan.FromHours(1));
        }
        Assert.Empty(_second.Sent);
    }

    [Fact]
    public async Task The_same_message_for_the_same_person_and_thing_is_written_once()
    {
        var keys = await StageAsync(_app, 1);
        await Assert.ThrowsAsync<DbUpdateException>(() => StageAsync(_app, 1, keys[0]));
        Assert.Single(await StatesAsync(_app), s => s.Key == keys[0]);
    }

    private static void Use(IServiceCollection services, ISmsGateway gateway)
    {
        services.RemoveAll<ISmsGateway>();
        services.AddSingleton(gateway);
    }

    /// <summary>Messages written by a unit of work, each with its key as its text, in the order the dispatcher takes them.</summary>
    private static async Task<string[]> StageAsync(OneWindowFactory app, int count, string? key = null)
    {
        using var scope = app.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var keys = Enumerable.Range(0, count).Select(_ => key ?? "test:" + Guid.NewGuid().ToString("N")).ToArray();
        await scope.ServiceProvider.GetRequiredService<WriteUnit>().RunAsync(_ =>
        {
            foreach (var k in keys)
            {
                outbox.Sms("13800000000", "测试", k, k);
            }
            return Task.CompletedTask;
        }, CancellationToken.None);
        return keys;
    }

    private static async Task<Dictionary<string, OutboxState>> StatesAsync(OneWindowFactory app)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.DedupKey, m => m.State);
        }
    }

    /// <summary>Keeps what it is given; stops for good at the n-th message (after taking it), or refuses some first.</summary>
    private sealed class RecordingGateway(int? hangOn) : ISmsGateway
    {
        private readonly ConcurrentQueue<SmsMessage> _sent = new();
        private readonly TaskCompletionSource _hung = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _refusals;
        private int _seen;

        public IReadOnlyList<SmsMessage> Sent => [.. _sent];

        public Task Hung => _hung.Task;

        public void Release() => _released.TrySetResult();

        public void RefuseNext(int times) => _refusals = times;

        public async Task SendAsync(SmsMessage message, CancellationToken ct)
        {
            if (Interlocked.Decrement(ref _refusals) >= 0)
            {
                throw new SmsNotSentException("网关繁忙");
            }
            _sent.Enqueue(message);
            if (Interlocked.Increment(ref _seen) == hangOn)
            {
                _hung.TrySetResult();
                await _released.Task; // the process is gone: no cancellation reaches it
            }
        }
    }
}
