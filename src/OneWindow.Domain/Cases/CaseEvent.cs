using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneWindow.Domain.Cases;

/// <summary>Who acted: the staff member's id and name and the role they acted in, or the applicant.</summary>
public sealed record Actor(string Id, string Name, string Role)
{
    public static Actor System { get; } = new("system", "系统", "System");
}

/// <summary>
/// One thing that happened to a case. Events are appended, never changed; each carries the hash of the one
/// before, so that rewriting any of them breaks the chain (domain.md §4).
/// </summary>
public sealed class CaseEvent
{
    private CaseEvent() { }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string Action { get; private set; } = "";
    public CaseStatus? FromStatus { get; private set; }
    public CaseStatus ToStatus { get; private set; }
    public string? Node { get; private set; }
    public string? Opinion { get; private set; }
    /// <summary>Details of the action as compact JSON (materials missing, durations, numbers…).</summary>
    public string? Data { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    internal static CaseEvent Create(Guid caseId, int sequence, DateTime at, Actor actor, string action, CaseStatus? from, CaseStatus to,
        string? node, string? opinion, string? data, string previousHash)
    {
        var e = new CaseEvent
        {
            CaseId = caseId, Sequence = sequence, At = ToStoredPrecision(at), ActorId = actor.Id, ActorName = actor.Name, ActorRole = actor.Role,
            Action = action, FromStatus = from, ToStatus = to, Node = node, Opinion = opinion, Data = data, PreviousHash = previousHash,
        };
        e.Hash = e.ComputeHash();
        return e;
    }

    /// <summary>
    /// The instant as the databases keep it: PostgreSQL stores whole microseconds, .NET counts 100 ns ticks. The
    /// hash is taken over what will be read back, or an event written at 10:00:00.1234567 would fail verification
    /// as soon as it is loaded again (found by the SIGKILL test, which runs on the real clock).
    /// </summary>
    public static DateTime ToStoredPrecision(DateTime at) => new(at.Ticks - at.Ticks % 10, at.Kind);

    /// <summary>SHA-256 over the previous hash and every field, in a fixed order with explicit lengths.</summary>
    public string ComputeHash()
    {
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('|');
        Field(PreviousHash);
        Field(CaseId.ToString("D"));
        Field(Sequence.ToString(CultureInfo.InvariantCulture));
        Field(At.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture));
        Field(ActorId);
        Field(ActorName);
        Field(ActorRole);
        Field(Action);
        Field(FromStatus?.ToString());
        Field(ToStatus.ToString());
        Field(Node);
        Field(Opinion);
        Field(Data);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>The result of checking a case's event chain.</summary>
public sealed record ChainVerification(bool IsIntact, int EventsChecked, int? FirstBrokenSequence, string? Problem)
{
    /// <summary>Checks that the events, in sequence order, are numbered 1..n, each links to the one before, and each hash matches its content.</summary>
    public static ChainVerification Verify(IEnumerable<CaseEvent> events)
    {
        var previous = CaseEvent.GenesisHash;
        var expected = 1;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence != expected)
            {
                return new ChainVerification(false, expected - 1, e.Sequence, $"第 {expected} 条记录缺失");
            }
            if (e.PreviousHash != previous)
            {
                return new ChainVerification(false, expected - 1, e.Sequence, $"第 {e.Sequence} 条记录与前一条不衔接");
            }
            if (e.ComputeHash() != e.Hash)
            {
                return new ChainVerification(false, expected - 1, e.Sequence, $"第 {e.Sequence} 条记录的内容已被改动");
            }
            previous = e.Hash;
            expected++;
        }
        return new ChainVerification(true, expected - 1, null, null);
    }
}
