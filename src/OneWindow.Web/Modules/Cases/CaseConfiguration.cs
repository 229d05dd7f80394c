using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Cases;
using static OneWindow.Web.Data.JsonDocumentColumns;

namespace OneWindow.Web.Modules.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    /// <summary>The filter of the partial indexes over open cases; the same SQL on SQLite and PostgreSQL.</summary>
    internal const string OpenFilter = "\"Open\"";

    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.Number).HasMaxLength(40);
        b.Property(c => c.ItemCode).HasMaxLength(40);
        b.Property(c => c.ItemName).HasMaxLength(200);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.LastEventHash).HasMaxLength(64);
        b.Property(c => c.ExtensionReason).HasMaxLength(1000);
        b.Property(c => c.DecisionReason).HasMaxLength(2000);
        b.Property(c => c.ClosingReason).HasMaxLength(2000);
        b.Property(c => c.ResultNumber).HasMaxLength(60);
        b.Property(c => c.DeliveryReference).HasMaxLength(60);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Property(c => c.ApplicantName).HasMaxLength(100);
        b.Property(c => c.ApplicantIdNumber).HasMaxLength(18);
        b.Property(c => c.ApplicantPhone).HasMaxLength(20);
        b.Ignore(c => c.Applicant);
        b.Property(c => c.MissingMaterials).HasConversion(JsonConverter<IReadOnlyList<string>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<string>>());
        b.Property(c => c.Pauses).HasConversion(JsonConverter<IReadOnlyList<ClockPause>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<ClockPause>>());
        b.Property(c => c.Nodes).HasConversion(JsonConverter<IReadOnlyList<CaseNode>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<CaseNode>>());
        b.Property(c => c.Fees).HasConversion(JsonConverter<IReadOnlyList<CaseFee>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<CaseFee>>());
        b.Property(c => c.PaidAmount).HasPrecision(12, 2);
        b.Property(c => c.ReceiptNumber).HasMaxLength(60);
        b.Property(c => c.PaymentDifferenceReason).HasMaxLength(1000);
        b.Ignore(c => c.StandardFeeTotal);
        b.Ignore(c => c.OwesFees);
        b.Ignore(c => c.NewEvents);
        b.Ignore(c => c.CurrentNode);
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.DecisionNodeIndex);
        b.HasIndex(c => c.Number).IsUnique();
        // Sweeps take the cases whose next deadline has come, oldest first.
        b.HasIndex(c => new { c.NextDeadlineAt, c.Id });
        // Inboxes: a department's, a venue's or a person's open cases by due date, paged by (InboxDueAt, Id). Partial
        // indexes over the open cases alone: they stay the size of the work in hand however many years of concluded
        // cases the table holds, and SQLite can use them for the bare "Open" test EF writes (it cannot use a
        // leading "Open" column for it). See ADR 0011.
        b.HasIndex(c => new { c.DepartmentId, c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
        b.HasIndex(c => new { c.ReceivingVenueId, c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
        b.HasIndex(c => new { c.AssigneeId, c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
        b.Property(c => c.AssigneeId).HasMaxLength(450);
        b.Property(c => c.AssigneeName).HasMaxLength(100);
        b.HasIndex(c => new { c.ApplicantIdNumber, c.CreatedAt });
        b.Property(c => c.ApplicantUserId).HasMaxLength(450);
        b.Property(c => c.PreReviewNote).HasMaxLength(2000);
        b.Property(c => c.PartVersionIds).HasConversion(JsonConverter<IReadOnlyList<Guid>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<Guid>>());
        b.Property(c => c.Parts).HasConversion(JsonConverter<IReadOnlyList<JointPart>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<JointPart>>());
        b.Ignore(c => c.IsDraftNumber);
        b.Ignore(c => c.IsPart);
        b.Ignore(c => c.PinnedVersionIds);
        b.Ignore(c => c.DefaultExtension);
        // An applicant's own applications, newest first; a joint case's parts.
        b.HasIndex(c => new { c.ApplicantUserId, c.CreatedAt, c.Id });
        b.HasIndex(c => c.ParentCaseId);
        // The supervision dashboard, each figure read from an index alone: open cases by state and department (and
        // the overdue among them), the busiest items; today's intake by department and window and conclusions. The
        // first also pages the drill-down filtered by state (and department) in its keyset order.
        b.HasIndex(c => new { c.Status, c.DepartmentId, c.InboxDueAt, c.Id, c.PromisedDueAt, c.Open }, "IX_Cases_OpenFigures").HasFilter(OpenFilter);
        b.HasIndex(c => new { c.ItemCode, c.ItemName, c.Open }, "IX_Cases_OpenItems").HasFilter(OpenFilter);
        b.HasIndex(c => new { c.ReceivedAt, c.ParentCaseId, c.DepartmentId, c.ReceivingWindowId }, "IX_Cases_ReceivedFigures");
        b.HasIndex(c => new { c.ConcludedAt, c.Status, c.ParentCaseId, c.DepartmentId, c.DecidedAt, c.PromisedDueAt }, "IX_Cases_ConcludedFigures");
        // A reported certificate is checked against the case issued under its number.
        b.HasIndex(c => c.ResultNumber);
        // The supervisors' drill-down: every open case by due date.
        b.HasIndex(c => new { c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
        // A calendar change recounts the open cases by key (ADR 0014).
        b.HasIndex(c => c.Id, "IX_Cases_OpenById").HasFilter(OpenFilter);
    }
}
