using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Supervision's hook on every case move (ADR 0019): the rules the move may break are checked on its new events, the
/// time rules at this instant, and the case's watch is set, in the move's own transaction.
/// </summary>
public sealed class SuperviseCases(WatchCases watch) : ICaseHook
{
    public Task PrepareAsync(CancellationToken ct) => watch.PrepareAsync(ct);

    public Task OnCaseMovedAsync(CaseMoved moved, CancellationToken ct) => moved.IsNew
        ? watch.OnReceivedAsync(moved.Case, moved.Now, moved.Calendar, ct)
        : watch.AfterActionAsync(moved.Case, moved.NewEvents, moved.Now, moved.Calendar, ct);
}
