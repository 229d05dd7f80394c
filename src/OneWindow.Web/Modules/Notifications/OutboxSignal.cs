namespace OneWindow.Web.Modules.Notifications;

/// <summary>Wakes this instance's dispatcher when a unit of work committed messages, so it need not wait for its next tick.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _woken = new(0, 1);

    public void Wake()
    {
        try
        {
            _woken.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public void Dispose() => _woken.Dispose();

    /// <summary>Until woken, or until the tick; false at the tick.</summary>
    public async Task<bool> WaitAsync(TimeSpan tick, TimeProvider clock, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(tick, clock, timeout.Token);
        var woken = _woken.WaitAsync(timeout.Token);
        var first = await Task.WhenAny(delay, woken);
        await timeout.CancelAsync();
        ct.ThrowIfCancellationRequested();
        return first == woken && woken.IsCompletedSuccessfully;
    }
}
