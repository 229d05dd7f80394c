using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Modules.Open311;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Open311;

/// <summary>
/// What the Open311 tests share: a client key, the form a city platform posts, the spec's JSON schemas (read from the
/// project's shared reference set, <c>../shared/data/open311/json-schema</c>, beside the repository as on every
/// machine and in CI) and the element names of the spec's XML.
/// </summary>
internal static class Open311Client
{
    public const string Root = "/open311/v2";
    private static int _serial;

    public static async Task<string> KeyAsync(OneWindowFactory app, string[]? scopes = null, int? perMinute = null)
    {
        var admin = await app.SignedInOnce("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/api-clients", new
        {
            name = $"城市服务平台 {Interlocked.Increment(ref _serial)}",
            contact = "市大数据中心 周工 0735-2222311",
            departmentId = (Guid?)null,
            scopes = scopes ?? [ApiScopes.Open311Write],
            requestsPerMinute = perMinute,
        }, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<ApiClientRegistered>()).Key;
    }

    /// <summary>A street lamp out on 人民路 in the county seat, as a platform sends it.</summary>
    public static Dictionary<string, string> Lamp(string key) => new()
    {
        ["api_key"] = key,
        ["jurisdiction_id"] = "431025",
        ["service_code"] = "CX.02",
        ["lat"] = "25.2781",
        ["long"] = "112.5634",
        ["address_string"] = "舜峰镇人民路与解放路交叉口东侧",
        ["attribute[FACILITY]"] = "LAMP",
        ["attribute[POLE_NO]"] = "LW-0231",
        ["email"] = "zhou.min@example.cn",
        ["device_id"] = "dev-7f3a",
        ["first_name"] = "敏",
        ["last_name"] = "周",
        ["phone"] = "13807351234",
        ["description"] = "人民路口东侧的路灯连续三晚不亮，晚上过马路看不清。",
        ["media_url"] = "https://img.example.cn/reports/lamp-0231.jpg",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> form, string format = "json") =>
        client.PostAsync($"{Root}/requests.{format}", new FormUrlEncodedContent(form));

    public static async Task<string> SubmitAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> form)
    {
        var response = await PostAsync(client, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    // ── The spec's schemas and element names ─────────────────────────────────────────────────────────────────────

    public static string SchemaFolder()
    {
        var shared = Environment.GetEnvironmentVariable("ONEWINDOW_SHARED") is { Length: > 0 } s ? s : Path.Combine(AppProcess.RepoRoot(), "..", "shared");
        var folder = Path.GetFullPath(Path.Combine(shared, "data", "open311", "json-schema"));
        Assert.True(File.Exists(Path.Combine(folder, "services.json")), $"The Open311 schemas are not at {folder} (set ONEWINDOW_SHARED to the shared reference set).");
        return folder;
    }

    private static readonly Dictionary<string, Task<JsonSchema>> Schemas = [];

    private static Task<JsonSchema> SchemaAsync(string name)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(name, out var schema))
            {
                Schemas[name] = schema = JsonSchema.FromFileAsync(Path.Combine(SchemaFolder(), name));
            }
            return schema;
        }
    }

    /// <summary>Asserts the JSON is valid against the spec's schema of that name (services.json, service-definition.json, requests.json).</summary>
    public static async Task AssertValidAsync(string json, string schemaName)
    {
        var errors = (await SchemaAsync(schemaName)).Validate(json);
        Assert.True(errors.Count == 0, $"{schemaName}: " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")) + "\n" + json);
    }

    public static readonly string[] RequestElements =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    public static readonly string[] ServiceElements = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    public static readonly string[] AttributeElements = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"];

    /// <summary>The XML answer parsed, after checking its content type and declaration (UTF-8, no namespace).</summary>
    public static async Task<XElement> XmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body, StringComparison.Ordinal);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(XNamespace.None, root.Name.Namespace);
        return root;
    }

    public static async Task<string> JsonTextAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>Asserts the element's children are exactly these names, in this order.</summary>
    public static void AssertChildren(XElement element, IEnumerable<string> names) =>
        Assert.Equal(names, element.Elements().Select(e => e.Name.LocalName));

    /// <summary>Asserts an answer is the spec's error list in its format, with the status as each error's code; returns the descriptions.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response, HttpStatusCode status, string format = "json")
    {
        if (format == "xml")
        {
            var root = await XmlAsync(response, status);
            Assert.Equal("errors", root.Name.LocalName);
            var errors = root.Elements().ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e =>
            {
                Assert.Equal("error", e.Name.LocalName);
                AssertChildren(e, ["code", "description"]);
                Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value);
                Assert.False(string.IsNullOrWhiteSpace(e.Element("description")!.Value));
            });
            return [.. errors.Select(e => e.Element("description")!.Value)];
        }
        var json = JsonDocument.Parse(await JsonTextAsync(response, status)).RootElement;
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.True(json.GetArrayLength() > 0);
        foreach (var e in json.EnumerateArray())
        {
            Assert.Equal(["code", "description"], e.EnumerateObject().Select(p => p.Name));
            Assert.Equal((int)status, e.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("description").GetString()));
        }
        return [.. json.EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];
    }

    /// <summary>Work orders and Open311 records: what a refused request must leave as it was.</summary>
    public static async Task<(int Orders, int Requests)> CountAsync(OneWindowFactory app)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return (await db.Set<Domain.Hotline.WorkOrder>().CountAsync(), await db.Set<Open311Request>().CountAsync());
        }
    }
}
