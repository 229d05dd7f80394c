using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Knowledge;

internal sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> b)
    {
        b.ToTable("KnowledgeEntries");
        b.Property(e => e.Question).HasMaxLength(KnowledgeEntry.MaxQuestionLength);
        b.Property(e => e.Answer).HasMaxLength(KnowledgeEntry.MaxAnswerLength);
        b.Property(e => e.CategoryCode).HasMaxLength(KnowledgeEntry.MaxCategoryCodeLength).IsOrdinalCode();
        b.Property(e => e.ServiceItemCode).HasMaxLength(KnowledgeEntry.MaxItemCodeLength);
        b.Property(e => e.Keywords).HasMaxLength(300);
        b.Property(e => e.UpdatedBy).HasMaxLength(100);
        b.Property(e => e.Revision).IsConcurrencyToken();
        b.Ignore(e => e.KeywordList);
        // The list by category and question: all, a department's own, the withdrawn; the entries due for review, longest overdue first.
        b.HasIndex(e => new { e.CategoryCode, e.Question, e.Id });
        b.HasIndex(e => new { e.DepartmentId, e.CategoryCode, e.Question, e.Id });
        b.HasIndex(e => new { e.Status, e.CategoryCode, e.Question, e.Id });
        b.HasIndex(e => new { e.Status, e.ReviewDue, e.Id });
    }
}

internal sealed class KnowledgeEntryVersionConfiguration : IEntityTypeConfiguration<KnowledgeEntryVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntryVersion> b)
    {
        b.ToTable("KnowledgeEntryVersions");
        b.Property(v => v.Question).HasMaxLength(KnowledgeEntry.MaxQuestionLength);
        b.Property(v => v.Answer).HasMaxLength(KnowledgeEntry.MaxAnswerLength);
        b.Property(v => v.CategoryCode).HasMaxLength(KnowledgeEntry.MaxCategoryCodeLength);
        b.Property(v => v.ServiceItemCode).HasMaxLength(KnowledgeEntry.MaxItemCodeLength);
        b.Property(v => v.Keywords).HasMaxLength(300);
        b.Property(v => v.EditedBy).HasMaxLength(100);
        b.Property(v => v.Note).HasMaxLength(KnowledgeEntry.MaxNoteLength);
        b.HasIndex(v => new { v.EntryId, v.Version }).IsUnique();
    }
}

internal sealed class KnowledgeTermConfiguration : IEntityTypeConfiguration<KnowledgeTerm>
{
    public void Configure(EntityTypeBuilder<KnowledgeTerm> b)
    {
        b.ToTable("KnowledgeTerms");
        // A search reads the postings of its terms by this key; a document's postings are replaced by the second index.
        b.HasKey(t => new { t.Term, t.DocumentKey });
        b.Property(t => t.Term).HasMaxLength(KnowledgeText.MaxTermLength).IsOrdinalCode();
        b.Property(t => t.DocumentKey).HasMaxLength(60).IsOrdinalCode();
        b.HasIndex(t => t.DocumentKey);
    }
}

internal sealed class KnowledgeGuideConfiguration : IEntityTypeConfiguration<KnowledgeGuide>
{
    public void Configure(EntityTypeBuilder<KnowledgeGuide> b)
    {
        b.ToTable("KnowledgeGuides");
        b.HasKey(g => g.ItemCode);
        b.Property(g => g.ItemCode).HasMaxLength(KnowledgeEntry.MaxItemCodeLength).IsOrdinalCode();
        b.Property(g => g.Name).HasMaxLength(200);
        b.Property(g => g.Answer).HasMaxLength(KnowledgeGuide.MaxAnswerLength);
    }
}
