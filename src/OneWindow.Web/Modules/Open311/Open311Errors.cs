using Microsoft.AspNetCore.Http.Features;
using OneWindow.Domain;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Open311;

/// <summary>One error of an Open311 answer: the HTTP status it is sent with and the sentence a person reads.</summary>
public sealed record Open311Error(int Status, string Description);

/// <summary>A refused Open311 request: one or more errors, the first one's status the answer's.</summary>
public sealed class Open311Exception(IReadOnlyList<Open311Error> errors) : Exception(string.Join(" ", errors.Select(e => e.Description)))
{
    public Open311Exception(int status, string description) : this([new Open311Error(status, description)]) { }

    public IReadOnlyList<Open311Error> Errors { get; } = errors;

    public int Status => Errors[0].Status;
}

/// <summary>
/// The spec's error format: a list of <c>{code, description}</c> in JSON and <c>&lt;errors&gt;&lt;error&gt;…</c> in XML,
/// the code being the HTTP status (403 for a missing or wrong key, 404 for what does not exist, 400 for the rest).
/// </summary>
public static class Open311Errors
{
    public const string Prefix = "/open311";

    public static bool IsOpen311(HttpContext http)
    {
        var path = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path
            ?? http.Request.Path.Value ?? "";
        return path.StartsWith(Prefix + "/", StringComparison.OrdinalIgnoreCase) || path.Equals(Prefix, StringComparison.OrdinalIgnoreCase);
    }

    public static bool WantsXml(HttpContext http)
    {
        var path = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path
            ?? http.Request.Path.Value ?? "";
        return path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Open311 field a work order's field came from, for a refusal the hotline's rules made.</summary>
    private static string FieldName(string field) => field switch
    {
        "callerPhone" => "phone",
        "callerName" => "first_name/last_name",
        "content" => "description",
        "address" => "address_string",
        "latitude" or "longitude" => "lat/long",
        "categoryCode" => "service_code",
        "regionCode" => "address_id",
        _ => field,
    };

    public static Open311Document Document(IEnumerable<Open311Error> errors) =>
        new("errors", new Open311List("error", [.. errors.Select(e => Open311Record.Of(("code", e.Status), ("description", Text.Translate(e.Description))))]));

    public static async Task WriteAsync(HttpContext http, IReadOnlyList<Open311Error> errors)
    {
        var xml = WantsXml(http);
        http.Response.StatusCode = errors[0].Status;
        http.Response.ContentType = xml ? Open311Document.XmlType : Open311Document.JsonType;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.Body.WriteAsync(Document(errors).Write(xml), http.RequestAborted);
    }

    /// <summary>An exception the endpoint let through, as Open311 errors: a refusal, a broken rule (400), a missing thing (404).</summary>
    public static IReadOnlyList<Open311Error>? From(Exception e) => e switch
    {
        Open311Exception o => o.Errors,
        DomainRuleException rule => [new Open311Error(StatusCodes.Status400BadRequest, rule.Field is { } field ? $"{FieldName(field)}: {Text.Translate(rule.Message)}" : Text.Translate(rule.Message))],
        NotFoundException notFound => [new Open311Error(StatusCodes.Status404NotFound, notFound.Message)],
        _ => null,
    };
}

/// <summary>
/// Whatever answers an Open311 path with problem details — the input guards (a malformed or oversized form), the key
/// scheme (a revoked key, a key over its rate limit: 429 with Retry-After), the error page (an unknown path, a method
/// not allowed, a server error) — answers in the spec's error format instead, in the format the path asks for. It is
/// the first writer the problem-details service asks, and it takes only Open311's paths.
/// </summary>
internal sealed class Open311ProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => Open311Errors.IsOpen311(context.HttpContext);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? (http.Response.StatusCode >= 400 ? http.Response.StatusCode : 500);
        var description = Text.Translate(context.ProblemDetails.Title ?? (status switch
        {
            404 => "没有这个资源。",
            405 => "该资源不接受这个请求方法。",
            _ => "请求无法处理。",
        }));
        // Nothing the form brought is read again on the way out.
        http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        return new ValueTask(Open311Errors.WriteAsync(http, [new Open311Error(status, description)]));
    }
}
