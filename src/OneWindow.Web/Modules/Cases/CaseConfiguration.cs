using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

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
        b.Property(c => c.ClosingReason).HasMaxLength(2000);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Property(c => c.AssigneeId).HasMaxLength(450);
        b.Property(c => c.AssigneeName).HasMaxLength(100);
        b.Property(c => c.ApplicantUserId).HasMaxLength(450);
        b.Property(c => c.PreReviewNote).HasMaxLength(2000);
        b.Property(c => c.MissingMaterials).HasJsonDocument();
        b.Property(c => c.RequiredMaterials).HasJsonDocument();
        b.Property(c => c.MaterialsReceived).HasJsonDocument();
        b.Ignore(c => c.RequiredMaterialsMissing);
        b.Property(c => c.DeferrableMaterials).HasJsonDocument();
        b.Property(c => c.DeferredMaterials).HasJsonDocument();
        b.Property(c => c.FormAnswers).HasJsonDocument();
        b.Ignore(c => c.EnterpriseName);
        b.Ignore(c => c.DeferredMaterialsMissing);
        b.Ignore(c => c.MayAcceptWithDeferral);
        b.Property(c => c.ResultScopeLabel).HasMaxLength(40);
        b.Property(c => c.Nodes).HasJsonDocument();
        b.Property(c => c.PartVersionIds).HasJsonDocument();
        b.Property(c => c.Parts).HasJsonDocument();
        b.Ignore(c => c.StandardFeeTotal);
        b.Ignore(c => c.OwesFees);
        b.Ignore(c => c.NewEvents);
        b.Ignore(c => c.CurrentNode);
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.DecisionNodeIndex);
        b.Ignore(c => c.IsDraftNumber);
        b.Ignore(c => c.IsPart);
        b.Ignore(c => c.PinnedVersionIds);
        b.Ignore(c => c.DefaultExtension);

        // The case's parts (EF Core complex types) keep the columns the case always had: a part reads as a part in
        // code, and no migration moves data. Their indexed columns are declared below as column indexes.
        b.ComplexProperty(c => c.Applicant, a =>
        {
            a.Property(x => x.Kind).HasColumnName("ApplicantKind");
            a.Property(x => x.Name).HasColumnName("ApplicantName").HasMaxLength(100);
            a.Property(x => x.IdentityNumber).HasColumnName("ApplicantIdNumber").HasMaxLength(18);
            a.Property(x => x.Phone).HasColumnName("ApplicantPhone").HasMaxLength(20);
        });
        b.ComplexProperty(c => c.Clocks, k =>
        {
            k.Property(x => x.PromisedLimitDays).HasColumnName("PromisedLimitDays");
            k.Property(x => x.StatutoryLimitDays).HasColumnName("StatutoryLimitDays");
            k.Property(x => x.ExtensionDays).HasColumnName("ExtensionDays");
            k.Property(x => x.ExtensionReason).HasColumnName("ExtensionReason").HasMaxLength(1000);
            k.Property(x => x.IntakeDueAt).HasColumnName("IntakeDueAt");
            k.Property(x => x.PreReviewDueAt).HasColumnName("PreReviewDueAt");
            k.Property(x => x.ClockStartAt).HasColumnName("ClockStartAt");
            k.Property(x => x.DeemedAccepted).HasColumnName("DeemedAccepted");
            k.Property(x => x.PromisedDueAt).HasColumnName("PromisedDueAt");
            k.Property(x => x.StatutoryDueAt).HasColumnName("StatutoryDueAt");
            k.Property(x => x.Pauses).HasColumnName("Pauses").HasJsonDocument();
        });
        b.ComplexProperty(c => c.Payment, p =>
        {
            p.Property(x => x.Fees).HasColumnName("Fees").HasJsonDocument();
            p.Property(x => x.PaidAmount).HasColumnName("PaidAmount").HasPrecision(12, 2);
            p.Property(x => x.PaidAt).HasColumnName("PaidAt");
            p.Property(x => x.ReceiptNumber).HasColumnName("ReceiptNumber").HasMaxLength(60);
            p.Property(x => x.DifferenceReason).HasColumnName("PaymentDifferenceReason").HasMaxLength(1000);
        });
        b.ComplexProperty(c => c.Decision, d =>
        {
            d.Property(x => x.Outcome).HasColumnName("Decision");
            d.Property(x => x.Reason).HasColumnName("DecisionReason").HasMaxLength(2000);
            d.Property(x => x.DecidedAt).HasColumnName("DecidedAt");
            d.Property(x => x.ResultNumber).HasColumnName("ResultNumber").HasMaxLength(60);
            d.Property(x => x.ResultIssuedAt).HasColumnName("ResultIssuedAt");
            d.Property(x => x.ValidUntil).HasColumnName("DecisionValidUntil");
            d.Property(x => x.Scope).HasColumnName("DecisionScope").HasMaxLength(2000);
        });
        b.ComplexProperty(c => c.Delivery, d =>
        {
            d.Property(x => x.Method).HasColumnName("DeliveryMethod");
            d.Property(x => x.Reference).HasColumnName("DeliveryReference").HasMaxLength(60);
            d.Property(x => x.Requested).HasColumnName("DeliveryRequested");
            d.Property(x => x.Address).HasColumnName("DeliveryAddress").HasMaxLength(200);
        });

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
        // An applicant's own applications, newest first; a joint case's parts.
        b.HasIndex(c => new { c.ApplicantUserId, c.CreatedAt, c.Id });
        b.HasIndex(c => c.ParentCaseId);
        // The supervision dashboard, each figure read from an index alone: open cases by state and department (and
        // the overdue among them), the busiest items; today's intake by department and window and conclusions. The
        // first also pages the drill-down filtered by state (and department) in its keyset order.
        b.HasColumnIndex("IX_Cases_OpenFigures", ["Status", "DepartmentId", "InboxDueAt", "Id", "PromisedDueAt", "Open"], OpenFilter);
        b.HasIndex(c => new { c.ItemCode, c.ItemName, c.Open }, "IX_Cases_OpenItems").HasFilter(OpenFilter);
        b.HasIndex(c => new { c.ReceivedAt, c.ParentCaseId, c.DepartmentId, c.ReceivingWindowId }, "IX_Cases_ReceivedFigures");
        b.HasColumnIndex("IX_Cases_ConcludedFigures", ["ConcludedAt", "Status", "ParentCaseId", "DepartmentId", "DecidedAt", "PromisedDueAt"]);
        // The report's drill-down of 正式受理量 and 收费笔数 (ADR 0041): each list pages its period by the instant it counts on.
        b.HasIndex(c => new { c.AcceptedAt, c.ParentCaseId, c.DepartmentId }, "IX_Cases_AcceptedFigures");
        b.HasColumnIndex("IX_Cases_PaidFigures", ["PaidAt", "ParentCaseId", "ItemCode", "DepartmentId"]);
        // A person's cases by ID number (window cases join an account by it, ADR 0015).
        b.HasColumnIndex("IX_Cases_ApplicantIdNumber_CreatedAt", ["ApplicantIdNumber", "CreatedAt"]);
        // A reported certificate is checked against the case issued under its number.
        b.HasColumnIndex("IX_Cases_ResultNumber", ["ResultNumber"]);
        // The supervisors' drill-down: every open case by due date.
        b.HasIndex(c => new { c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
        // A calendar change recounts the open cases by key (ADR 0014).
        b.HasIndex(c => c.Id, "IX_Cases_OpenById").HasFilter(OpenFilter);
    }
}
