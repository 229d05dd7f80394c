using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>What the call center's telephony reports of a call.</summary>
public enum CallEvent
{
    Ringing = 0,
    Answered = 1,
    Ended = 2,
}

/// <summary>
/// One event of an incoming call, as the call center's telephony reported it (<c>POST /api/v1/hotline/calls</c>): kept
/// in the database, so that the operator's desk on any instance receives it (its stream reads the events after the
/// last it sent), and so that the order registered from the call finds its recording reference.
/// </summary>
public sealed class HotlineCall
{
    public long Id { get; init; }
    public required string CallId { get; init; }
    public required string Line { get; init; }
    /// <summary>The caller's number by its digits (<see cref="WorkOrder.CallerPhoneKey"/>), as orders keep it.</summary>
    public required string CallerPhone { get; init; }
    public CallEvent Event { get; init; }
    public string? RecordingRef { get; init; }
    public DateTime At { get; init; }
    public required string ReportedBy { get; init; }

    public const int MaxLineLength = 20;
}

internal sealed class HotlineCallConfiguration : IEntityTypeConfiguration<HotlineCall>
{
    public void Configure(EntityTypeBuilder<HotlineCall> b)
    {
        b.ToTable("HotlineCalls");
        b.Property(c => c.CallId).HasMaxLength(WorkOrder.MaxCallIdLength);
        b.Property(c => c.Line).HasMaxLength(HotlineCall.MaxLineLength);
        b.Property(c => c.CallerPhone).HasMaxLength(20);
        b.Property(c => c.RecordingRef).HasMaxLength(WorkOrder.MaxRecordingRefLength);
        b.Property(c => c.ReportedBy).HasMaxLength(100);
        // A registration finds its call's events (the recording reference) by the call id.
        b.HasIndex(c => c.CallId);
    }
}
