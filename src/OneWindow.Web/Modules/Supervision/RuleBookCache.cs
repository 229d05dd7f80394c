using System.Diagnostics;
using OneWindow.Domain.Supervision;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// The rule book kept for a few seconds per process, instead of read at every action and intake (ADR 0013). A
/// change made on this instance is seen at once (<see cref="Invalidate"/>); one made on another instance within
/// <see cref="MaxAge"/>. Rules are set a few times a year; a registration reads them several hundred times a second.
/// </summary>
public sealed class RuleBookCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private sealed record Kept(RuleBook Book, long ReadAt);

    private Kept? _kept;
    private long _generation;

    /// <summary>Changes with every invalidation; a read that began before one must not be kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <returns>The kept book if it is younger than <see cref="MaxAge"/>, else null.</returns>
    public RuleBook? Fresh() =>
        Volatile.Read(ref _kept) is { } kept && Stopwatch.GetElapsedTime(kept.ReadAt) < MaxAge ? kept.Book : null;

    /// <summary>Keeps a book read from the database, unless the rules were changed here since the read began.</summary>
    public void Keep(RuleBook book, long generationAtRead, long readAt)
    {
        var kept = new Kept(book, readAt);
        if (Generation == generationAtRead)
        {
            Volatile.Write(ref _kept, kept);
            if (Generation != generationAtRead)
            {
                Volatile.Write(ref _kept, null); // invalidated in between: forget it again
            }
        }
    }

    /// <summary>After a rule setting is saved on this instance: the next reader reads the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _kept, null);
    }
}
