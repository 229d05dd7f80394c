using OneWindow.Domain.Records;

namespace OneWindow.Web.Infrastructure;

/// <summary>A record checked against its seals: its name as people know it (a case number) and what the check found.</summary>
public sealed record RecordCheck(string Record, ChainVerification Result);

/// <summary>What the upgrade's one-time step did to a kind's records written before record keys existed.</summary>
public sealed record LegacySealing(int Sealed, int Broken);

/// <summary>
/// A kind of record sealed under the record keys (ADR 0017): cases now, hotline work orders and disclosure requests
/// later. The shared start-up check (<see cref="RecordKeyCheck"/>) and the <c>verify-chains</c> command know the
/// kinds only through this seam; each module registers its own (<c>services.AddScoped&lt;ISealedRecordKind, …&gt;()</c>).
/// </summary>
public interface ISealedRecordKind
{
    /// <summary>The kind's name in logs and in the command's output ("cases").</summary>
    string Name { get; }

    /// <summary>
    /// The upgrade's one-time step, run only by <see cref="RecordKeyCheck"/> at the start that makes the install's
    /// first record key (or that resumes that step): seals each record written before keys existed, after checking its
    /// unkeyed chain and everything its row says against it. A record that does not check out is left unsealed and
    /// shows as broken. A kind that finds records sealed under another key than <paramref name="keys"/>' current
    /// one seals nothing: that database has had keys, and an unkeyed record in it is an edit, not an old record.
    /// </summary>
    Task<LegacySealing> SealLegacyAsync(RecordKeyRing keys, CancellationToken ct);

    /// <summary>Checks every record of the kind against its seals, one at a time in key order.</summary>
    IAsyncEnumerable<RecordCheck> VerifyAllAsync(RecordKeyRing keys, CancellationToken ct);
}
