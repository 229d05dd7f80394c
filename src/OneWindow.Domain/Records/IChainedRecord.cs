namespace OneWindow.Domain.Records;

/// <summary>
/// A record whose events are sealed in a chain as they are saved (a work order; cases are sealed the same way
/// through their own members): the save seals whatever it finds unsealed, so no writer can forget it (ADR 0017).
/// </summary>
public interface IChainedRecord
{
    bool HasUnsealedEvents { get; }

    void SealNewEvents(RecordKeyRing keys);
}
