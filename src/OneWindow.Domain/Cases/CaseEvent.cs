using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Cases;

/// <summary>Who acted: the staff member's id and name and the role they acted in, or the applicant.</summary>
public sealed record Actor(string Id, string Name, string Role)
{
    public static Actor System { get; } = new("system", "系统", "System");
}

/// <summary>
/// One thing that happened to a case. Events are appended, never changed; each is sealed with the seal of the one
/// before under a record key held outside the database (<see cref="EventChain"/>), so that rewriting, removing or
/// reordering any of them breaks the chain.
/// </summary>
public sealed class CaseEvent : IChainedEvent
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
    public string? KeyId { get; private set; }

    /// <summary>Whether the event has been sealed (it is, from the moment it is saved).</summary>
    public bool IsSealed => Hash.Length > 0;

    public const string GenesisHash = EventChain.GenesisHash;

    /// <summary>The name, in an event's data, of the keyed digest of the applicant the event establishes.</summary>
    public const string ApplicantSealProperty = "applicantSeal";

    /// <summary>The name of the unkeyed digest one earlier release wrote there (<see cref="Applicant.LegacyDigest"/>).</summary>
    public const string LegacyApplicantProperty = "applicant";

    // The applicant this event establishes, until its keyed digest is written into the data as the event is sealed.
    private Applicant? _applicantToSeal;

    /// <summary>The name, in an event's data, of the keyed digest of the application form's answers the event sets.</summary>
    public const string FormSealProperty = "formSeal";

    // The answers this event sets, until their keyed digest is written into the data as the event is sealed.
    private IReadOnlyDictionary<string, string>? _formToSeal;

    /// <summary>
    /// The keyed digest of a case's application form answers: like the applicant's, it binds the answers to the record
    /// without putting them (an ID number, an address) into event data kept for good.
    /// </summary>
    public static string FormSeal(IReadOnlyDictionary<string, string> answers, RecordKeyRing keys, string keyId) =>
        keys.Seal(keyId, Records.EventChain.Fields(["form", .. answers.OrderBy(a => a.Key, StringComparer.Ordinal).SelectMany(a => new[] { a.Key, a.Value })]))[..32];

    /// <summary>Marks the answers this (unsealed) event sets, to be bound into its data as it is sealed.</summary>
    internal void SetsForm(IReadOnlyDictionary<string, string> answers) => _formToSeal = answers;

    internal static CaseEvent Create(Guid caseId, int sequence, DateTime at, Actor actor, string action, CaseStatus? from, CaseStatus to,
        string? node, string? opinion, string? data, Applicant? establishes = null) =>
        new()
        {
            CaseId = caseId, Sequence = sequence, At = ToStoredPrecision(at), ActorId = actor.Id, ActorName = actor.Name, ActorRole = actor.Role,
            Action = action, FromStatus = from, ToStatus = to, Node = node, Opinion = opinion, Data = data, _applicantToSeal = establishes,
        };

    /// <summary>
    /// The keyed digest of an applicant under a record key: HMAC-SHA256 (128 bits kept). Without the key nobody can
    /// compute it, so it tells nothing about the applicant to whoever reads the event.
    /// </summary>
    public static string ApplicantSeal(Applicant applicant, RecordKeyRing keys, string keyId) => keys.Seal(keyId, applicant.SealedText)[..32];

    /// <summary>
    /// Writes the keyed digest of the applicant this event establishes into its data, under the key about to seal it
    /// (called by <see cref="Case.SealNewEvents"/>, where the key ring is at hand; the domain's actions have none).
    /// </summary>
    internal void BindApplicant(RecordKeyRing keys)
    {
        if ((_applicantToSeal is null && _formToSeal is null) || IsSealed)
        {
            return;
        }
        var data = Data is null ? new System.Text.Json.Nodes.JsonObject() : System.Text.Json.Nodes.JsonNode.Parse(Data)!.AsObject();
        if (_applicantToSeal is { } applicant)
        {
            data[ApplicantSealProperty] = ApplicantSeal(applicant, keys, keys.CurrentKeyId);
        }
        if (_formToSeal is { } form)
        {
            data[FormSealProperty] = FormSeal(form, keys, keys.CurrentKeyId);
        }
        Data = data.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _applicantToSeal = null;
        _formToSeal = null;
    }

    /// <summary>The data property holding the document number (文号) of the notice an event gives the applicant.</summary>
    public const string NoticeNumberProperty = "noticeNumber";

    /// <summary>
    /// Writes the document number (文号) of the notice this event gives into its data before it is sealed, so the number
    /// is part of the tamper-evident record (numbers come from a counter the domain cannot reach).
    /// </summary>
    public void NumberNotice(string number)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException("A sealed event cannot be given a notice number.");
        }
        var data = Data is null ? new System.Text.Json.Nodes.JsonObject() : System.Text.Json.Nodes.JsonNode.Parse(Data)!.AsObject();
        data[NoticeNumberProperty] = number;
        Data = data.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>A copy of the event for another case, moved in time (the benchmark's generated records); unsealed.</summary>
    public CaseEvent CopyFor(Guid caseId, TimeSpan earlier, string? data) =>
        Create(caseId, Sequence, At - earlier, new Actor(ActorId, ActorName, ActorRole), Action, FromStatus, ToStatus, Node, Opinion, data);

    /// <summary>
    /// The instant as the databases keep it: PostgreSQL stores whole microseconds, .NET counts 100 ns ticks. The
    /// hash is taken over what will be read back, or an event written at 10:00:00.1234567 would fail verification
    /// as soon as it is loaded again (found by the SIGKILL test, which runs on the real clock).
    /// </summary>
    public static DateTime ToStoredPrecision(DateTime at) => new(at.Ticks - at.Ticks % 10, at.Kind);

    public string SealedText(string previousHash, string keyId) => EventChain.Fields(keyId) + ContentText(previousHash);

    public void SealWith(string previousHash, string keyId, string hash)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException($"Event {Sequence} of case {CaseId} is sealed already.");
        }
        PreviousHash = previousHash;
        KeyId = keyId;
        Hash = hash;
    }

    /// <summary>
    /// The unkeyed SHA-256 chain of the records written before record keys existed (ADR 0007): checked once when
    /// they are sealed with a key on upgrade, and never accepted as a seal.
    /// </summary>
    public string LegacyHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ContentText(PreviousHash))));

    /// <summary>Re-seals an event written before record keys existed, once its unkeyed chain has been checked whole.</summary>
    public void ResealLegacy(string previousHash, RecordKeyRing keys)
    {
        if (KeyId is not null)
        {
            throw new InvalidOperationException($"Event {Sequence} of case {CaseId} is sealed with a key already.");
        }
        Hash = "";
        SealWith(previousHash, keys.CurrentKeyId, keys.Seal(keys.CurrentKeyId, SealedText(previousHash, keys.CurrentKeyId)));
    }

    private string ContentText(string previousHash) => EventChain.Fields(
        previousHash, CaseId.ToString("D"), Sequence.ToString(CultureInfo.InvariantCulture), At.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
        ActorId, ActorName, ActorRole, Action, FromStatus?.ToString(), ToStatus.ToString(), Node, Opinion, Data);
}
