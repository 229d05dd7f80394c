using OneWindow.Domain.Hotline;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.ApiClients;

namespace OneWindow.Web.Modules.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c> (ADR 0027), every resource in <c>.json</c> and <c>.xml</c>: discovery,
/// the services and their definitions, the requests (POST with a key of scope <c>open311:write</c>; GET public), and
/// tokens (never issued: every service is realtime). Errors are the spec's list of <c>{code, description}</c>.
/// </summary>
public static class Open311Api
{
    public const string Root = "/open311/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static void Map(IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup(Root).AllowAnonymous().RequireRateLimiting(RateLimits.Public).DisableAntiforgery().ExcludeFromDescription();
        v2.MapGet("/discovery.{format}", (string format, HttpContext http, Open311Settings settings) => Answer(http, format, () => Task.FromResult(Discovery(http, settings))));
        v2.MapGet("/services.{format}", (string format, HttpContext http, Open311Services services, Open311Settings settings, CancellationToken ct) => Answer(http, format, async () =>
        {
            SubmitServiceRequest.CheckJurisdiction(settings, http.Request.Query["jurisdiction_id"]);
            var all = await services.AllAsync(ct);
            return new Open311Document("services", new Open311List("service", [.. all.Select(Service)]));
        }));
        v2.MapGet("/services/{code}.{format}", (string code, string format, HttpContext http, Open311Services services, Open311Settings settings, CancellationToken ct) => Answer(http, format, async () =>
        {
            SubmitServiceRequest.CheckJurisdiction(settings, http.Request.Query["jurisdiction_id"]);
            var service = await services.FindAsync(code, ct) ?? throw new Open311Exception(404, Text.Formatted("没有服务 {0}（service_code）。", code));
            return Definition(service);
        }));
        v2.MapPost("/requests.{format}", (string format, HttpContext http, SubmitServiceRequest submit, CancellationToken ct) => Answer(http, format, async () =>
        {
            var client = Authorized(http);
            if (!http.Request.HasFormContentType)
            {
                throw new Open311Exception(400, "请求须以 application/x-www-form-urlencoded 表单提交。");
            }
            var submitted = await submit.RunAsync(client, await http.Request.ReadFormAsync(ct), ct);
            http.Response.StatusCode = StatusCodes.Status201Created;
            http.Response.Headers.Location = $"{Root}/requests/{Uri.EscapeDataString(submitted.Number)}.{format}";
            return new Open311Document("service_requests", new Open311List("request",
                [Open311Record.Of(("service_request_id", submitted.Number), ("service_notice", submitted.Notice), ("account_id", null))]));
        }));
        v2.MapGet("/requests.{format}", (string format, HttpContext http, ServiceRequestQueries queries, Open311Settings settings, CancellationToken ct) => Answer(http, format, async () =>
        {
            SubmitServiceRequest.CheckJurisdiction(settings, http.Request.Query["jurisdiction_id"]);
            var rows = await queries.ListAsync(queries.Parse(http.Request.Query), ct);
            return new Open311Document("service_requests", new Open311List("request", [.. rows.Select(Request)]));
        }));
        v2.MapGet("/requests/{id}.{format}", (string id, string format, HttpContext http, ServiceRequestQueries queries, Open311Settings settings, CancellationToken ct) => Answer(http, format, async () =>
        {
            SubmitServiceRequest.CheckJurisdiction(settings, http.Request.Query["jurisdiction_id"]);
            var row = await queries.FindAsync(id.Trim(), ct) ?? throw new Open311Exception(404, Text.Formatted("没有服务请求 {0}（service_request_id）。", id));
            return new Open311Document("service_requests", new Open311List("request", [Request(row)]));
        }));
        v2.MapGet("/tokens/{token}.{format}", (string token, string format, HttpContext http, Open311Settings settings) => Answer(http, format, () =>
        {
            SubmitServiceRequest.CheckJurisdiction(settings, http.Request.Query["jurisdiction_id"]);
            // Every service is realtime: POST requests answers the number at once and never a token (ADR 0027).
            throw new Open311Exception(404, Text.Formatted("没有令牌 {0}：本接口不发放令牌，提交时即返回 service_request_id。", token));
        }));
        // Anything else under the root: the spec's 404, not the site's page.
        v2.MapFallback("{**path}", (HttpContext http) => Answer(http, http.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? "xml" : "json",
            () => throw new Open311Exception(404, "没有这个资源。")));
    }

    /// <summary>The client whose key may submit: a key of scope open311:write, sent as api_key (or in a header). 403 otherwise, as the spec says.</summary>
    private static ApiClientCaller Authorized(HttpContext http)
    {
        if (ApiKeyAuthentication.Presented(http.Request) is null)
        {
            throw new Open311Exception(403, "缺少 api_key：提交服务请求需要接入密钥。");
        }
        var client = ApiClientCaller.Of(http.User) ?? throw new Open311Exception(403, "api_key 无效或已被吊销。");
        if (!http.User.HasScope(ApiScopes.Open311Write))
        {
            throw new Open311Exception(403, "该 api_key 没有 open311:write 权限。");
        }
        return client;
    }

    private static async Task Answer(HttpContext http, string format, Func<Task<Open311Document>> make)
    {
        var xml = string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase);
        if (!xml && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            await Open311Errors.WriteAsync(http, [new Open311Error(404, Text.Formatted("不支持格式 {0}：请用 .json 或 .xml。", format))]);
            return;
        }
        Open311Document document;
        try
        {
            document = await make();
        }
        catch (Exception e) when (Open311Errors.From(e) is { } errors)
        {
            await Open311Errors.WriteAsync(http, errors);
            return;
        }
        http.Response.ContentType = xml ? Open311Document.XmlType : Open311Document.JsonType;
        await http.Response.Body.WriteAsync(document.Write(xml), http.RequestAborted);
    }

    private static Open311Document Discovery(HttpContext http, Open311Settings settings)
    {
        var url = settings.EndpointUrl ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Root}";
        var endpoint = Open311Record.Of(("specification", Specification), ("url", url), ("changeset", Open311Settings.Changeset), ("type", "production"),
            ("formats", new Open311List("format", [new Open311Scalar("text/xml"), new Open311Scalar("application/json")])));
        return new Open311Document("discovery", Open311Record.Of(("changeset", Open311Settings.Changeset), ("contact", Text.Translate(settings.Contact)),
            ("key_service", Text.Translate(settings.KeyService)), ("endpoints", new Open311List("endpoint", [endpoint]))));
    }

    private static Open311Record Service(Open311Service s) => Open311Record.Of(
        ("service_code", s.Code), ("service_name", s.Name), ("description", s.Description), ("metadata", s.Metadata), ("type", "realtime"),
        ("keywords", s.Keywords), ("group", s.Group));

    private static Open311Document Definition(Open311Service s) => new("service_definition", Open311Record.Of(
        ("service_code", s.Code),
        ("attributes", new Open311List("attribute", [.. s.Attributes.Select(a => (Open311Node)Open311Record.Of(
            ("variable", a.Variable), ("code", a.Code), ("datatype", Datatype(a.Type)), ("required", a.Required),
            ("datatype_description", DatatypeDescription(a.Type)), ("order", a.Order), ("description", a.Description),
            ("values", new Open311List("value", [.. (a.Values ?? []).Select(v => (Open311Node)Open311Record.Of(("key", v.Key), ("name", v.Name)))]))))]))));

    private static Open311Record Request(PublicServiceRequest r) => Open311Record.Of(
        ("service_request_id", r.Number), ("status", r.Open ? "open" : "closed"), ("status_notes", r.StatusNotes), ("service_name", r.ServiceName),
        ("service_code", r.ServiceCode), ("description", r.Description), ("agency_responsible", r.Agency), ("service_notice", r.Notice),
        ("requested_datetime", r.RequestedAt), ("updated_datetime", r.UpdatedAt), ("expected_datetime", r.ExpectedAt), ("address", r.Address),
        ("address_id", r.AddressId), ("zipcode", null), ("lat", r.Latitude), ("long", r.Longitude), ("media_url", r.MediaUrl));

    private static string Datatype(CategoryQuestionType t) => t switch
    {
        CategoryQuestionType.Number => "number",
        CategoryQuestionType.Datetime => "datetime",
        CategoryQuestionType.Text => "text",
        CategoryQuestionType.SingleValueList => "singlevaluelist",
        CategoryQuestionType.MultiValueList => "multivaluelist",
        _ => "string",
    };

    private static string DatatypeDescription(CategoryQuestionType t) => Text.Translate(t switch
    {
        CategoryQuestionType.Number => "数字",
        CategoryQuestionType.Datetime => "带时区的日期时间，如 2026-11-22T10:00:00+08:00",
        CategoryQuestionType.Text => "一段文字（1000 字以内）",
        CategoryQuestionType.SingleValueList => "从选项中选一个，填选项的 key",
        CategoryQuestionType.MultiValueList => "从选项中选一个或多个，以 attribute[code][]=key 逐个提交",
        _ => "一行文字（200 字以内）",
    });
}
