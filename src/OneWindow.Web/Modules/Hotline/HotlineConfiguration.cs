using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.ToTable("WorkOrders");
        b.Property(o => o.Number).HasMaxLength(WorkOrder.MaxNumberLength).IsOrdinalCode();
        b.Property(o => o.CategoryCode).HasMaxLength(HotlineCategory.MaxCodeLength);
        b.Property(o => o.Content).HasMaxLength(WorkOrder.MaxContentLength);
        b.Property(o => o.RegionCode).HasMaxLength(12);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.CallerName).HasMaxLength(50);
        b.Property(o => o.CallerPhone).HasMaxLength(20);
        b.Property(o => o.CallerPhoneTail).HasMaxLength(4);
        b.Property(o => o.RelatedCaseNumber).HasMaxLength(40);
        b.Property(o => o.CallId).HasMaxLength(WorkOrder.MaxCallIdLength);
        b.Property(o => o.RecordingRef).HasMaxLength(WorkOrder.MaxRecordingRefLength);
        b.Property(o => o.RegisteredBy).HasMaxLength(100);
        b.Property(o => o.Answer).HasMaxLength(WorkOrder.MaxNoteLength);
        b.Property(o => o.RightChannel).HasMaxLength(200);
        b.Property(o => o.MasterNumber).HasMaxLength(WorkOrder.MaxNumberLength);
        b.Property(o => o.CoHandlers).HasJsonDocument().HasMaxLength(4000);
        b.Property(o => o.ExtensionReason).HasMaxLength(WorkOrder.MaxNoteLength);
        b.Property(o => o.ReturnReason).HasMaxLength(WorkOrder.MaxNoteLength);
        b.Property(o => o.ReplyText).HasMaxLength(WorkOrder.MaxNoteLength);
        b.Property(o => o.ReplyPlan).HasMaxLength(WorkOrder.MaxNoteLength);
        b.Property(o => o.ClosingNote).HasMaxLength(WorkOrder.MaxNoteLength);
        b.Property(o => o.LastEventHash).HasMaxLength(64);
        b.Property(o => o.Revision).IsConcurrencyToken();
        b.Ignore(o => o.NewEvents);
        b.Ignore(o => o.HasUnsealedEvents);
        b.Ignore(o => o.IsOpen);
        b.Ignore(o => o.NextDeadlineAt);
        b.Ignore(o => o.SignedLate);
        b.Ignore(o => o.RepliedLate);
        b.Ignore(o => o.HasPendingExtension);
        b.Ignore(o => o.HandlingLimit);

        b.HasIndex(o => o.Number).IsUnique();
        // The center's queues: one status, by the instant of its queue.
        b.HasIndex(o => new { o.Status, o.QueueAt, o.Id });
        // A unit's inbox: what is on its desk, by the limit.
        b.HasIndex(o => new { o.LeadUnitId, o.AtUnit, o.QueueAt, o.Id });
        // The extensions waiting for the center: few rows, on a partial index.
        b.HasIndex(o => new { o.ExtensionRequestedDays, o.QueueAt, o.Id }).HasFilter("\"ExtensionRequestedDays\" IS NOT NULL");
        // The caller's earlier orders, newest first.
        b.HasIndex(o => new { o.CallerPhone, o.RegisteredAt });
        // Today's calls and orders on the supervision dashboard (ADR 0028).
        b.HasIndex(o => new { o.RegisteredAt, o.Channel });
        // The assessment's hotline indicators: the orders concluded in a period (ADR 0028).
        b.HasIndex(o => o.ConcludedAt);
        // A call's recording reported after the order was registered from it finds the order (few orders have a call id).
        b.HasIndex(o => o.CallId).HasFilter("\"CallId\" IS NOT NULL");
        // The candidates for typical orders (ADR 0037): concluded, consented, newest conclusion first.
        b.HasIndex(o => new { o.PublicationConsent, o.Status, o.ConcludedAt, o.Id });
    }
}

internal sealed class TypicalOrderConfiguration : IEntityTypeConfiguration<TypicalOrder>
{
    public void Configure(EntityTypeBuilder<TypicalOrder> b)
    {
        b.ToTable("TypicalOrders");
        b.Property(t => t.Title).HasMaxLength(TypicalOrder.MaxTitleLength);
        b.Property(t => t.CategoryCode).HasMaxLength(HotlineCategory.MaxCodeLength);
        b.Property(t => t.GroupCode).HasMaxLength(HotlineCategory.MaxCodeLength);
        b.Property(t => t.PlaceCode).HasMaxLength(12);
        b.Property(t => t.Question).HasMaxLength(TypicalOrder.MaxQuestionLength);
        b.Property(t => t.Answer).HasMaxLength(TypicalOrder.MaxAnswerLength);
        b.Property(t => t.UpdatedBy).HasMaxLength(100);
        b.Property(t => t.Revision).IsConcurrencyToken();
        // One public version per order.
        b.HasIndex(t => t.WorkOrderId).IsUnique();
        // The public page, newest first; and by category.
        b.HasIndex(t => new { t.Published, t.PublishedAt, t.Id });
        b.HasIndex(t => new { t.Published, t.CategoryCode, t.PublishedAt, t.Id });
        b.HasIndex(t => new { t.Published, t.GroupCode, t.PublishedAt, t.Id });
    }
}

internal sealed class WorkOrderEventConfiguration : IEntityTypeConfiguration<WorkOrderEvent>
{
    public void Configure(EntityTypeBuilder<WorkOrderEvent> b)
    {
        b.ToTable("WorkOrderEvents");
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.ActorRole).HasMaxLength(40);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.Note).HasMaxLength(WorkOrder.MaxNoteLength);
        b.Property(e => e.Data).HasMaxLength(4000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.KeyId).HasMaxLength(64);
        b.Ignore(e => e.IsSealed);
        b.HasIndex(e => new { e.WorkOrderId, e.Sequence }).IsUnique();
        // The assessment's return rate: signatures and returns in a period (ADR 0028).
        b.HasIndex(e => new { e.Action, e.At });
    }
}

internal sealed class HotlineCategoryConfiguration : IEntityTypeConfiguration<HotlineCategory>
{
    public void Configure(EntityTypeBuilder<HotlineCategory> b)
    {
        b.ToTable("HotlineCategories");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(HotlineCategory.MaxCodeLength).IsOrdinalCode();
        b.Property(c => c.Name).HasMaxLength(HotlineCategory.MaxNameLength);
        b.Property(c => c.ParentCode).HasMaxLength(HotlineCategory.MaxCodeLength);
        b.Property(c => c.Description).HasMaxLength(HotlineCategory.MaxDescriptionLength);
        b.Property(c => c.Keywords).HasMaxLength(HotlineCategory.MaxKeywordsLength);
        b.Property(c => c.Attributes).HasJsonDocument().HasMaxLength(8000);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.HasIndex(c => new { c.ParentCode, c.SortOrder });
    }
}

internal sealed class HotlineUnitConfiguration : IEntityTypeConfiguration<HotlineUnit>
{
    public void Configure(EntityTypeBuilder<HotlineUnit> b)
    {
        b.ToTable("HotlineUnits");
        b.HasKey(u => u.DepartmentId);
        b.HasIndex(u => new { u.Kind, u.SortOrder });
    }
}

internal sealed class WorkOrderDeskConfiguration : IEntityTypeConfiguration<WorkOrderDesk>
{
    public void Configure(EntityTypeBuilder<WorkOrderDesk> b)
    {
        b.ToTable("WorkOrderDesks");
        b.HasKey(d => new { d.WorkOrderId, d.Desk, d.UnitId });
        // A co-handler's inbox (ADR 0034): its open orders, by the handling limit.
        b.HasIndex(d => new { d.Desk, d.UnitId, d.Open, d.SortAt, d.WorkOrderId });
        // The county coordinator's list of the orders towns lead, all towns at once.
        b.HasIndex(d => new { d.Desk, d.Open, d.SortAt, d.WorkOrderId });
    }
}
