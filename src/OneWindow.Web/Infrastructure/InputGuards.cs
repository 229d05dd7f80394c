using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Input no field accepts, refused before it reaches a handler: a NUL character (U+0000) in a JSON string, a
/// query or a form. No text a person writes contains one, and PostgreSQL cannot store or compare it, so it
/// would otherwise surface as a server error deep inside a query.
/// </summary>
public static class InputGuards
{
    /// <summary>Reads JSON strings as usual but refuses one containing U+0000 (a 400 from the JSON binder).</summary>
    public sealed class NoNulStrings : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw new JsonException("A text contains the NUL character (U+0000).");
            }
            return value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    public static IApplicationBuilder UseInputGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var nul = request.QueryString.HasValue && request.QueryString.Value!.Contains("%00", StringComparison.Ordinal);
        if (!nul && request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                nul = form.Any(field => field.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)));
            }
            catch (InvalidDataException)
            {
                // The form reader itself refuses an encoded NUL ("%00") or a form over its limits, with an
                // exception that would otherwise be a 500.
                nul = true;
            }
        }
        if (nul)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 400, Title = "请求无法读取：包含无效字符（U+0000）或超出大小限制。", Extensions = { ["code"] = "input.unreadable" } },
            });
            return;
        }
        await next();
    });
}
