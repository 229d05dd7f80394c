using System.Text;
using OneWindow.Domain.Cases;

namespace OneWindow.Domain.Supervision;

/// <summary>
/// The kinds of record electronic supervision watches (docs/domain.md §5.6, ADR 0020). The names are stable
/// identifiers: the number is stored with every watch, alert and notice, and the name in kebab case begins the key of
/// every finding about a subject of the kind (<c>case/{id}/node/2</c>, <c>work-order/{id}/sign/…</c>). The disclosure
/// requests are added here when their module is built.
/// </summary>
public enum SubjectKind
{
    Case = 1,      // 办件
    WorkOrder = 2, // 12345 热线工单 (ADR 0028)
}

/// <summary>
/// What supervision watches and raises alerts about: a record with a life and a deadline, named by its kind and id,
/// shown by its number and title (for a case, the case number and the item's name), answered for by a department,
/// taken in at a venue if any, in a region whose calendar counts its working days and whose rule settings apply.
/// </summary>
public sealed record SupervisedSubject(SubjectKind Kind, Guid Id, string Number, string? Title, Guid DepartmentId, Guid? VenueId, string RegionCode)
{
    /// <summary>The longest number and title an alert or notice keeps (a case number is 21 characters, an item name at most 200).</summary>
    public const int MaxNumberLength = 40;
    public const int MaxTitleLength = 200;

    /// <summary>A case as a supervised subject.</summary>
    public static SupervisedSubject Of(Case c) => new(SubjectKind.Case, c.Id, c.Number, c.ItemName, c.DepartmentId, c.ReceivingVenueId, c.RegionCode);

    /// <summary>The key of a finding about this subject, unique with its rule: the subject itself, or a part of it (<c>node/2</c>).</summary>
    public string Key(string? part = null) => KeyOf(Kind, Id, part);

    /// <summary><c>{kind}/{id}</c> or <c>{kind}/{id}/{part}</c>, the kind in kebab case (<c>case</c>; a <c>WorkOrder</c> would be <c>work-order</c>).</summary>
    public static string KeyOf(SubjectKind kind, Guid id, string? part = null)
    {
        var root = $"{Segment(kind)}/{id:N}";
        return part is null ? root : $"{root}/{part}";
    }

    /// <summary>Whether a finding's key is about this subject: its own key, or a key within it.</summary>
    public bool Owns(string key)
    {
        var root = Key();
        return key.StartsWith(root, StringComparison.Ordinal) && (key.Length == root.Length || key[root.Length] == '/');
    }

    private static string Segment(SubjectKind kind)
    {
        var name = kind.ToString(); // a value without a name (a test's own kind) is its number
        var segment = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]))
            {
                if (i > 0)
                {
                    segment.Append('-');
                }
                segment.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                segment.Append(name[i]);
            }
        }
        return segment.ToString();
    }
}

/// <summary>
/// The time-based rules' bookkeeping for one subject at one instant, the same for every kind: a deadline whose trigger
/// has come is due (also when what it watched stopped after it: a decision made late), one still ahead sets when to
/// look at the subject again, and one that can no longer be missed asks for nothing.
/// </summary>
public sealed class TimedFindings(SupervisedSubject subject, DateTime now)
{
    private readonly List<AlertCandidate> _due = [];
    private DateTime? _next;

    public SupervisedSubject Subject => subject;

    /// <param name="part">The part of the subject the deadline belongs to (<c>node/2</c>), none for the subject's own.</param>
    /// <param name="stoppedAt">When what is watched ended (a decision, a completed node); null while it still runs.</param>
    public void Watch(SupervisionRule rule, string? part, DateTime triggerAt, DateTime? stoppedAt, string detail)
    {
        if ((stoppedAt ?? now) >= triggerAt)
        {
            _due.Add(new AlertCandidate(rule, subject.Key(part), triggerAt, detail));
        }
        else if (stoppedAt is null && (_next is null || triggerAt < _next))
        {
            _next = triggerAt;
        }
    }

    public TimedCheck Result => new([.. _due], _next);
}
