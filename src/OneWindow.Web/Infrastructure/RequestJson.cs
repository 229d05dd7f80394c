using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// How the API reads request bodies: a part the types declare as required must be there and not null. A
/// constructor parameter without a default is required; a property not marked nullable (a guide's name, its list of
/// materials) refuses null; no list accepts a null entry. Each is a 400 from the binder instead of a
/// NullReferenceException deep in a handler. Answers are written as before: a null the code left in a non-nullable
/// property is written as null rather than failing the response.
/// </summary>
public static class RequestJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new NoNullEntries());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WriteNullsAsBefore);
    }

    private static void WriteNullsAsBefore(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(p => !p.PropertyType.IsValueType))
        {
            property.IsGetNullable = true;
        }
    }

    /// <summary>Reads a list (IReadOnlyList, as request types declare them) of a reference type, refusing a null entry; writes it as any list.</summary>
    public sealed class NoNullEntries : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && !typeToConvert.GetGenericArguments()[0].IsValueType;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

        private sealed class ListConverter<T> : JsonConverter<IReadOnlyList<T>> where T : class
        {
            public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new JsonException($"Expected a list of {typeof(T).Name}.");
                }
                var list = new List<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(reader.TokenType == JsonTokenType.Null
                        ? throw new JsonException("A list entry is null.")
                        : JsonSerializer.Deserialize<T>(ref reader, options)!);
                }
                return list;
            }

            public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
            {
                writer.WriteStartArray();
                foreach (var item in value)
                {
                    JsonSerializer.Serialize(writer, item, options);
                }
                writer.WriteEndArray();
            }
        }
    }
}
