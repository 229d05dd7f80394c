using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// A subject's watch (<see cref="SupervisionWatch"/>), set inside the unit of work that moved the subject: when the
/// sweep must look at it again, or nothing left to watch. The same for every kind of subject.
/// </summary>
public sealed class SubjectWatches(OneWindowDbContext db)
{
    /// <summary>Adds the watch of a subject being inserted in this unit of work, saved with it.</summary>
    public void Add(SupervisedSubject subject, int revision, DateTime dueAt) =>
        db.SupervisionWatches.Add(new SupervisionWatch { SubjectKind = subject.Kind, SubjectId = subject.Id, DueAt = dueAt, Revision = revision });

    /// <summary>
    /// Sets when to look at the subject again (none: the watch is removed). With <paramref name="onlyIfAtRevision"/> (the
    /// sweep) nothing is changed when an action has recomputed the watch since the subject was read.
    /// </summary>
    public async Task SetAsync(SubjectKind kind, Guid id, int revision, DateTime? next, int? onlyIfAtRevision, CancellationToken ct)
    {
        var watch = db.SupervisionWatches.Where(w => w.SubjectKind == kind && w.SubjectId == id);
        if (onlyIfAtRevision is { } seen)
        {
            watch = watch.Where(w => w.Revision == seen);
        }
        if (next is not { } at)
        {
            await watch.ExecuteDeleteAsync(ct);
            return;
        }
        var updated = await watch.ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, at).SetProperty(w => w.Revision, revision), ct);
        if (updated == 0 && onlyIfAtRevision is null)
        {
            // Only a subject's own actions add its watch, and they are serialized by the subject's revision.
            db.SupervisionWatches.Add(new SupervisionWatch { SubjectKind = kind, SubjectId = id, DueAt = at, Revision = revision });
            await db.SaveChangesAsync(ct);
        }
    }
}
