using System.Globalization;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Hotline;

/// <summary>
/// One thing that happened to a work order: appended, never changed, sealed in a chain like a case's events
/// (<see cref="EventChain"/>, ADR 0017). <see cref="Data"/> holds the action's details as compact JSON.
/// </summary>
public sealed class WorkOrderEvent : IChainedEvent
{
    private WorkOrderEvent() { }

    public long Id { get; private set; }
    public Guid WorkOrderId { get; private set; }
    public int Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    /// <summary>The unit the actor acted for (a department), none for the center and the public.</summary>
    public Guid? UnitId { get; private set; }
    public string Action { get; private set; } = "";
    public WorkOrderStatus? FromStatus { get; private set; }
    public WorkOrderStatus ToStatus { get; private set; }
    public string? Note { get; private set; }
    public string? Data { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string? KeyId { get; private set; }

    public bool IsSealed => Hash.Length > 0;

    internal static WorkOrderEvent Create(Guid orderId, int sequence, DateTime at, HotlineParty by, string action, WorkOrderStatus? from, WorkOrderStatus to,
        string? note, string? data) =>
        new()
        {
            WorkOrderId = orderId, Sequence = sequence, At = CaseEvent.ToStoredPrecision(at), ActorId = by.Actor.Id, ActorName = by.Actor.Name,
            ActorRole = by.Actor.Role, UnitId = by.UnitId, Action = action, FromStatus = from, ToStatus = to, Note = note, Data = data,
        };

    public string SealedText(string previousHash, string keyId) => EventChain.Fields(keyId) + EventChain.Fields(
        previousHash, WorkOrderId.ToString("D"), Sequence.ToString(CultureInfo.InvariantCulture), At.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
        ActorId, ActorName, ActorRole, UnitId?.ToString("D"), Action, FromStatus?.ToString(), ToStatus.ToString(), Note, Data);

    public void SealWith(string previousHash, string keyId, string hash)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException($"Event {Sequence} of work order {WorkOrderId} is sealed already.");
        }
        PreviousHash = previousHash;
        KeyId = keyId;
        Hash = hash;
    }
}
