using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Cases;

/// <summary>A case that moved in a unit of work: its new events, the instant and the calendar they were counted on.</summary>
/// <param name="IsNew">Just received (not saved yet): a hook may add its rows to the same insert.</param>
public sealed record CaseMoved(Case Case, IReadOnlyList<CaseEvent> NewEvents, DateTime Now, WorkingDayCalendar Calendar, bool IsNew);

/// <summary>
/// What another module does when a case moves, inside the same transaction as the move (supervision's watches and
/// alerts; later the kept daily figures). Cases knows no module that reacts to it: a module adds a hook by registering
/// an <see cref="ICaseHook"/> in its own <c>AddX</c>, without editing the case's use cases.
/// </summary>
public interface ICaseHook
{
    /// <summary>Reads what the hook will need (a rule book) before the unit takes the write gate, so the gate is held for writes alone.</summary>
    Task PrepareAsync(CancellationToken ct);

    Task OnCaseMovedAsync(CaseMoved moved, CancellationToken ct);
}

/// <summary>The registered hooks, called in the order their modules were added.</summary>
public sealed class CaseHooks(IEnumerable<ICaseHook> hooks)
{
    private readonly ICaseHook[] _hooks = [.. hooks];

    public async Task PrepareAsync(CancellationToken ct)
    {
        foreach (var hook in _hooks)
        {
            await hook.PrepareAsync(ct);
        }
    }

    public async Task MovedAsync(CaseMoved moved, CancellationToken ct)
    {
        foreach (var hook in _hooks)
        {
            await hook.OnCaseMovedAsync(moved, ct);
        }
    }
}
