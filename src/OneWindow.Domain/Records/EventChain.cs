using System.Globalization;
using System.Text;

namespace OneWindow.Domain.Records;

/// <summary>
/// An event of a hash-chained record (a case's, and later a work order's or a request's): appended, never changed;
/// sealed with the seal of the event before it, so that removing, reordering or rewriting any of them breaks the chain.
/// </summary>
public interface IChainedEvent
{
    int Sequence { get; }
    string PreviousHash { get; }
    /// <summary>The event's seal (HMAC-SHA256 under <see cref="KeyId"/>); empty until sealed.</summary>
    string Hash { get; }
    /// <summary>The record key that sealed it; null for an event never sealed with a key.</summary>
    string? KeyId { get; }

    /// <summary>
    /// What the seal covers: the previous event's seal, the key id and every field of the event, in a fixed order
    /// with explicit lengths (<see cref="EventChain.Fields"/>).
    /// </summary>
    string SealedText(string previousHash, string keyId);

    /// <summary>Sealed once, by <see cref="EventChain.Seal"/>, when it is saved.</summary>
    void SealWith(string previousHash, string keyId, string hash);
}

/// <summary>Sealing and verifying a record's chain of events, the same way for every kind of record.</summary>
public static class EventChain
{
    /// <summary>The "previous hash" of a record's first event.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Seals events appended after <paramref name="head"/> (the seal of the record's last sealed event), in order; returns the new head.</summary>
    public static string Seal(IEnumerable<IChainedEvent> unsealed, string head, RecordKeyRing keys)
    {
        foreach (var e in unsealed)
        {
            var keyId = keys.CurrentKeyId;
            e.SealWith(head, keyId, keys.Seal(keyId, e.SealedText(head, keyId)));
            head = e.Hash;
        }
        return head;
    }

    /// <summary>
    /// Checks that the events, in sequence order, are numbered 1..n, each links to the one before, and each seal
    /// matches its content under a key of the ring.
    /// </summary>
    public static ChainVerification Verify(IEnumerable<IChainedEvent> events, RecordKeyRing keys)
    {
        var previous = GenesisHash;
        var expected = 1;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence != expected)
            {
                return ChainVerification.Broken(expected - 1, e.Sequence, $"第 {expected} 条记录缺失");
            }
            if (e.PreviousHash != previous)
            {
                return ChainVerification.Broken(expected - 1, e.Sequence, $"第 {e.Sequence} 条记录与前一条不衔接");
            }
            if (e.KeyId is null)
            {
                return ChainVerification.Broken(expected - 1, e.Sequence, $"第 {e.Sequence} 条记录未以密钥封存");
            }
            if (!keys.Knows(e.KeyId))
            {
                return ChainVerification.Broken(expected - 1, e.Sequence, $"第 {e.Sequence} 条记录的封存密钥 {e.KeyId} 不在本机，无法核验");
            }
            if (!keys.Verifies(e.KeyId, e.SealedText(e.PreviousHash, e.KeyId), e.Hash))
            {
                return ChainVerification.Broken(expected - 1, e.Sequence, $"第 {e.Sequence} 条记录的内容已被改动");
            }
            previous = e.Hash;
            expected++;
        }
        return new ChainVerification(true, expected - 1, null, null);
    }

    /// <summary>Writes the fields of an event's sealed text: each as its length, a colon, the value and a bar (null as "-").</summary>
    public static string Fields(params string?[] values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('|');
        }
        return text.ToString();
    }
}

/// <summary>The result of checking a record: its chain, and for a case whether the case agrees with it.</summary>
public sealed record ChainVerification(bool IsIntact, int EventsChecked, int? FirstBrokenSequence, string? Problem)
{
    public static ChainVerification Broken(int checkedCount, int? sequence, string problem) => new(false, checkedCount, sequence, problem);
}
