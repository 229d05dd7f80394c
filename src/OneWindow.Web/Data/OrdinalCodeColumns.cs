using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Data;

/// <summary>
/// Codes that are paged by key and compared with '&gt;' must order and compare in ordinal order whatever the database's
/// default collation is. A module's mapping does not know its provider, so it only marks such a column; the context
/// gives the marked columns PostgreSQL's byte-order collation "C" (SQLite compares text by bytes already).
/// </summary>
public static class OrdinalCodeColumns
{
    private const string Marker = "OneWindow:OrdinalCode";

    /// <summary>Marks a code column compared in ordinal order.</summary>
    public static PropertyBuilder<string> IsOrdinalCode(this PropertyBuilder<string> property) =>
        property.HasAnnotation(Marker, true);

    /// <summary>
    /// Gives every marked column the byte-order collation on PostgreSQL, and takes the marks away on every provider:
    /// they are an instruction to this method, not part of the model.
    /// </summary>
    public static void ApplyOrdinalCodes(this ModelBuilder builder, bool npgsql)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.RemoveAnnotation(Marker) is not null && npgsql)
            {
                property.SetCollation("C");
            }
        }
    }
}
