using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneWindow.Web.Data;

/// <summary>
/// A property stored as one JSON document in a text column (a case's nodes, an alert's history, a guide), written with
/// <see cref="OneWindowDbContext.DocumentJson"/>. The mapping says only which kind of document it is.
/// </summary>
public static class JsonDocumentColumns
{
    /// <summary>A document of immutable records that the domain replaces, never edits in place (see <see cref="ImmutableComparer{T}"/>).</summary>
    public static PropertyBuilder<T> HasJsonDocument<T>(this PropertyBuilder<T> property) where T : class
    {
        property.HasConversion(JsonConverter<T>()).Metadata.SetValueComparer(ImmutableComparer<T>());
        return property;
    }

    /// <summary>The same, for a document inside a complex type (a case's pauses, its fees).</summary>
    public static ComplexTypePropertyBuilder<T> HasJsonDocument<T>(this ComplexTypePropertyBuilder<T> property) where T : class
    {
        property.HasConversion(JsonConverter<T>()).Metadata.SetValueComparer(ImmutableComparer<T>());
        return property;
    }

    /// <summary>A document the domain may edit in place: compared and snapshotted by its JSON (see <see cref="JsonComparer{T}"/>).</summary>
    public static PropertyBuilder<T> HasMutableJsonDocument<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(JsonConverter<T>()).Metadata.SetValueComparer(JsonComparer<T>());
        return property;
    }

    private static ValueConverter<T, string> JsonConverter<T>() => new(
        v => JsonSerializer.Serialize(v, OneWindowDbContext.DocumentJson),
        s => JsonSerializer.Deserialize<T>(s, OneWindowDbContext.DocumentJson)!);

    /// <summary>
    /// For documents of immutable records that the domain replaces, never edits in place (a case's nodes, pauses,
    /// fees and parts, an alert's history): the snapshot is the reference itself, and an unchanged reference is equal
    /// without serializing. Saves EF two serializations per document per tracked case and save.
    /// </summary>
    private static ValueComparer<T> ImmutableComparer<T>() where T : class => new(
        (a, b) => ReferenceEquals(a, b) || JsonSerializer.Serialize(a, OneWindowDbContext.DocumentJson) == JsonSerializer.Serialize(b, OneWindowDbContext.DocumentJson),
        v => JsonSerializer.Serialize(v, OneWindowDbContext.DocumentJson).GetHashCode(StringComparison.Ordinal),
        v => v);

    /// <summary>
    /// For a document edited in place (a guide): equal when its JSON is, and the snapshot is a deep copy made through
    /// the JSON, so that a change inside it is seen.
    /// </summary>
    private static ValueComparer<T> JsonComparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, OneWindowDbContext.DocumentJson) == JsonSerializer.Serialize(b, OneWindowDbContext.DocumentJson),
        v => JsonSerializer.Serialize(v, OneWindowDbContext.DocumentJson).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, OneWindowDbContext.DocumentJson), OneWindowDbContext.DocumentJson)!);
}
