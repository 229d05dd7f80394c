using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Input no handler should ever see, refused before routing: a body larger than the upload limit (413), a body the
/// form reader cannot read — malformed multipart, a form beyond the reader's limits — (400), and a NUL character
/// (U+0000) in a JSON string, a query or a form (400; no text a person writes contains one, and PostgreSQL cannot
/// store or compare it). The API gets problem details; a person gets the readable error page saying why.
/// </summary>
public static class InputGuards
{
    /// <summary>Where the reason for a refused page request waits for the error page (status-code re-execution).</summary>
    public const string RefusalItem = "OneWindow.InputRefusal";

    public const string UnreadableTitle = "请求无法读取：内容格式不正确、包含无效字符（U+0000）或超出大小限制。";

    /// <summary>The title of every 413, on the API and on the page.</summary>
    public const string TooLargeTitle = "上传内容过大：超出了大小限制。";

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
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(); // the error page answering a refusal made here: let it through
            return;
        }
        var request = context.Request;
        if (request.ContentLength > context.RequestServices.GetRequiredService<IOptions<UploadLimits>>().Value.MaxRequestBytes)
        {
            // Refused from its length alone, before a byte of it is read.
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeTitle, "request.too-large");
            return;
        }
        var nul = request.QueryString.HasValue && request.QueryString.Value!.Contains("%00", StringComparison.Ordinal);
        if (!nul && request.HasFormContentType)
        {
            try
            {
                // Read once here: Razor Pages' binding, antiforgery and the handlers then use this parsed form.
                var form = await request.ReadFormAsync(context.RequestAborted);
                nul = form.Any(field => field.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // The form reader refuses an encoded NUL or a form over its limits with InvalidDataException, a
                // multipart body that ends before its boundary with IOException, and Kestrel a body over its size
                // or cut short with BadHttpRequestException (an IOException): all of them the sender's fault.
                if (context.RequestAborted.IsCancellationRequested)
                {
                    return; // the client has gone; nobody is left to answer
                }
                if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                {
                    await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeTitle, "request.too-large");
                    return;
                }
                nul = true;
            }
        }
        if (nul)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, UnreadableTitle, "input.unreadable");
            return;
        }
        await next();
    });

    private static async Task RefuseAsync(HttpContext context, int status, string title, string code)
    {
        // Whoever reads the form after this (the error page's binding) finds it empty, not the refused body again.
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = status;
        // The API and Open311 (whose errors the problem-details service writes in the spec's format) get a machine's answer.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Extensions = { ["code"] = code } },
            });
            return;
        }
        // A page: the status-code page renders the readable error page with this reason (in the reader's language).
        context.Items[RefusalItem] = title;
    }
}
