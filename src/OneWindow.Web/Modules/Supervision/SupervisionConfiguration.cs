using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

internal sealed class SupervisionAlertConfiguration : IEntityTypeConfiguration<SupervisionAlert>
{
    public void Configure(EntityTypeBuilder<SupervisionAlert> b)
    {
        b.Property(a => a.Key).HasMaxLength(120);
        b.Property(a => a.SubjectNumber).HasMaxLength(SupervisedSubject.MaxNumberLength);
        b.Property(a => a.SubjectTitle).HasMaxLength(SupervisedSubject.MaxTitleLength);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.HandlerId).HasMaxLength(450);
        b.Property(a => a.HandlerName).HasMaxLength(100);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.Property(a => a.ResponseText).HasMaxLength(2000);
        b.Property(a => a.RespondedBy).HasMaxLength(100);
        b.Property(a => a.ReviewNote).HasMaxLength(2000);
        b.Property(a => a.ClosedBy).HasMaxLength(100);
        b.Property(a => a.History).HasJsonDocument().HasMaxLength(20000);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.Ignore(a => a.IsOpen);
        b.Ignore(a => a.Subject);
        b.Ignore(a => a.CaseId);
        b.Ignore(a => a.CaseNumber);
        b.Ignore(a => a.ItemName);
        // Exactly once per rule and key (the subject or a part of it), whichever instance or action raises it.
        b.HasIndex(a => new { a.Rule, a.Key }).IsUnique();
        // A subject's alerts; a department's open alerts newest first; the supervisors' list; escalation sweep.
        b.HasIndex(a => new { a.SubjectKind, a.SubjectId, a.RaisedAt });
        b.HasIndex(a => new { a.DepartmentId, a.Status, a.RaisedAt, a.Id });
        b.HasIndex(a => new { a.Status, a.RaisedAt, a.Id });
        b.HasIndex(a => new { a.RaisedAt, a.Id });
        b.HasIndex(a => new { a.EscalateAt, a.Id });
        b.HasIndex(a => a.NoticeId);
    }
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> b)
    {
        b.Property(n => n.Number).HasMaxLength(40);
        b.Property(n => n.RegionCode).HasMaxLength(12);
        b.Property(n => n.SubjectNumber).HasMaxLength(SupervisedSubject.MaxNumberLength);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Requirement).HasMaxLength(2000);
        b.Property(n => n.IssuedBy).HasMaxLength(100);
        b.Property(n => n.Reply).HasMaxLength(2000);
        b.Property(n => n.RepliedBy).HasMaxLength(100);
        b.Property(n => n.CloseNote).HasMaxLength(2000);
        b.Property(n => n.ClosedBy).HasMaxLength(100);
        b.Property(n => n.Revision).IsConcurrencyToken();
        b.Ignore(n => n.RepliedLate);
        b.Ignore(n => n.CaseId);
        b.Ignore(n => n.CaseNumber);
        b.HasIndex(n => n.Number).IsUnique();
        // The sweep: notices still awaiting a reply whose date has passed; a department's notices; all, newest first; a subject's.
        b.HasIndex(n => new { n.Status, n.ReplyDueAt, n.Id });
        b.HasIndex(n => new { n.DepartmentId, n.IssuedAt, n.Id });
        b.HasIndex(n => new { n.IssuedAt, n.Id });
        b.HasIndex(n => new { n.SubjectKind, n.SubjectId });
    }
}

internal sealed class SupervisionWatchConfiguration : IEntityTypeConfiguration<SupervisionWatch>
{
    public void Configure(EntityTypeBuilder<SupervisionWatch> b)
    {
        b.HasKey(w => new { w.SubjectKind, w.SubjectId });
        // The sweep reads the due watches oldest first, whatever their kind.
        b.HasIndex(w => new { w.DueAt, w.SubjectKind, w.SubjectId });
        // The sweep moves a watch only if no action has reset it since the subject was read.
        b.Property(w => w.Revision).IsConcurrencyToken();
    }
}

internal sealed class SupervisionRuleSettingConfiguration : IEntityTypeConfiguration<SupervisionRuleSetting>
{
    public void Configure(EntityTypeBuilder<SupervisionRuleSetting> b)
    {
        b.Property(s => s.ScopeKey).HasMaxLength(40);
        b.Property(s => s.UpdatedBy).HasMaxLength(100);
        b.Property(s => s.Threshold).HasPrecision(12, 2);
        b.HasIndex(s => new { s.Rule, s.Scope, s.ScopeKey }).IsUnique();
    }
}

internal sealed class IssuedCertificateConfiguration : IEntityTypeConfiguration<IssuedCertificate>
{
    public void Configure(EntityTypeBuilder<IssuedCertificate> b)
    {
        b.Property(c => c.Number).HasMaxLength(60);
        b.Property(c => c.ItemCode).HasMaxLength(40);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.HolderName).HasMaxLength(100);
        b.Property(c => c.CaseNumber).HasMaxLength(40);
        b.Property(c => c.ReportedBy).HasMaxLength(100);
        // One report per certificate number; a department's reports by date.
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.DepartmentId, c.IssuedAt });
    }
}

internal sealed class DailyCaseCountConfiguration : IEntityTypeConfiguration<DailyCaseCount>
{
    public void Configure(EntityTypeBuilder<DailyCaseCount> b) => b.HasKey(d => d.Day);
}
