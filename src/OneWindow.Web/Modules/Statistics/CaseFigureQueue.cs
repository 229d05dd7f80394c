using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>A case that moved and whose kept figures are not settled yet (<see cref="SettleCaseFigures"/>, ADR 0042).</summary>
public sealed class CaseFigureQueueEntry
{
    /// <summary>Ascending in the order the rows were added, not necessarily in the order their transactions committed.</summary>
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public DateTime QueuedAt { get; init; }
}

internal sealed class CaseFigureQueueConfiguration : IEntityTypeConfiguration<CaseFigureQueueEntry>
{
    public void Configure(EntityTypeBuilder<CaseFigureQueueEntry> b)
    {
        b.ToTable("CaseFigureQueue");
        b.HasKey(e => e.Id);
    }
}
