using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Data;

/// <summary>
/// Indexes over columns of an entity's complex types (a case's clocks, decision, applicant). EF Core cannot declare an
/// index on a complex type's column (dotnet/efcore#31246), so a configuration names them here, the versioned SQL
/// scripts create them like any other, and the schema test adds them to the database it builds from the model before
/// comparing the two. Queries need nothing from the model to use an index.
/// </summary>
public static class ColumnIndexes
{
    private const string Annotation = "OneWindow:ColumnIndexes";

    /// <summary>Declares an index over columns by their names; <paramref name="filter"/> is the SQL of a partial index (the same on both databases).</summary>
    public static EntityTypeBuilder<T> HasColumnIndex<T>(this EntityTypeBuilder<T> entity, string name, string[] columns, string? filter = null) where T : class
    {
        var declared = entity.Metadata.FindAnnotation(Annotation)?.Value as IReadOnlyList<ColumnIndex> ?? [];
        entity.Metadata.SetAnnotation(Annotation, (IReadOnlyList<ColumnIndex>)[.. declared, new ColumnIndex(name, columns, filter)]);
        return entity;
    }

    /// <summary>
    /// The statements that create every index declared this way in a model. Give it the design-time model
    /// (<c>db.GetService&lt;IDesignTimeModel&gt;().Model</c>): the runtime model does not keep the annotation.
    /// </summary>
    public static IEnumerable<string> CreateStatements(IModel model) =>
        from entity in model.GetEntityTypes()
        from index in entity.FindAnnotation(Annotation)?.Value as IReadOnlyList<ColumnIndex> ?? []
        select $"CREATE INDEX \"{index.Name}\" ON \"{entity.GetTableName()}\" ({string.Join(", ", index.Columns.Select(c => $"\"{c}\""))})"
            + (index.Filter is null ? "" : $" WHERE {index.Filter}");
}

/// <summary>An index over columns named as the database names them.</summary>
public sealed record ColumnIndex(string Name, IReadOnlyList<string> Columns, string? Filter);
