using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// Thousands of generated bad requests against every API that takes input, each a valid request broken in one
/// place (cut JSON, a wrong type, an oversized text, an invalid code, date, enum or number, a wrong media type).
/// Every answer must be a 4xx problem document, never a 500, and the database must be exactly as before. The valid
/// requests are sent at the end and must succeed, so the fuzzing was aimed at endpoints that really act.
/// </summary>
public sealed partial class BadInputFuzzTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const int Seed = 20261122;
    /// <summary>The longest text any body takes: a case's opinion (2,000) or a guide's text (4,000, a legal basis).</summary>
    private const int LongestText = Domain.Catalog.GuideValidation.MaxText;

    [Fact]
    public async Task Thousands_of_bad_requests_get_problem_details_and_change_nothing()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var admin = await app.SignedIn("admin");
        var applicant = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var received = await CaseApi.Register(clerk, "431025-MZ-002", "模糊测试");
        var started = await applicant.PostAsync("/api/v1/my/cases", JsonBody("""{"itemCode":"431025-SJ-003","phone":"13907350001"}"""));
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var draft = await started.ReadJsonAsync();
        var draftId = draft.GetProperty("id").GetString();
        // An account naming an ID number, for the administrator to detach it from.
        await Accounts.SignUpAsync(app, app.Anonymous(), "13907358991", "模糊测试", "431025197606060025");
        var holderId = await UserIdAsync("13907358991");
        var guide = JsonNode.Parse(JsonSerializer.Serialize((await (await app.Anonymous().GetAsync("/api/v1/catalog/items/431025-MZ-001")).ReadAsync<GuideView>()).Guide, Json.Options))!;
        // A department's system with its client key (ADR 0025): its bad requests save nothing but their attribution.
        var (system, systemClientId) = await ClientWithKeyAsync(admin);

        var targets = new List<Target>
        {
            new(clerk, "/api/v1/cases", """{"itemCode":"431025-MZ-002","applicantKind":"Person","applicantName":"张三","identityNumber":"11010519491231002X","phone":"13800000000","materialsProvided":["身份证"]}"""),
            new(clerk, $"/api/v1/cases/{received.Number}/correction", $$"""{"revision":{{received.Revision}},"missing":["章程草案","验资报告"],"reason":"首次告知"}"""),
            new(clerk, $"/api/v1/cases/{received.Number}/reject", $$"""{"revision":{{received.Revision}},"reason":"依据《社会团体登记管理条例》第十条，不属于本机关职权","referTo":"县市场监督管理局"}"""),
            new(clerk, "/api/v1/certificates", """{"number":"FZ-2026-0001","itemCode":"431025-MZ-004","holderName":"张三","issuedAt":"2026-11-22T01:00:00Z","caseNumber":null}"""),
            new(system, "/api/v1/certificates", """{"number":"FZ-2026-0002","itemCode":"431025-MZ-004","holderName":"李四","issuedAt":"2026-11-22T01:00:00Z","caseNumber":null}"""),
            new(applicant, $"/api/v1/my/cases/{draftId}/save", $$"""{"revision":{{draft.GetProperty("revision").GetInt32()}},"phone":"13907350001","files":[{"material":"食品经营许可申请书","fileName":"id.png","contentBase64":"{{Convert.ToBase64String(Png)}}"}]}"""),
            new(applicant, "/api/v1/my/cases", """{"itemCode":"431025-SJ-003","applicantKind":"Person","phone":"13907350001"}"""),
            new(admin, "/api/v1/catalog/admin/items", new JsonObject { ["code"] = "431025-FZ-001", ["guide"] = guide.DeepClone() }.ToJsonString()),
            // Only the statutory days: any day broken or made a working day is refused, never quietly loaded.
            new(admin, "/api/v1/calendar/admin/notices", JsonSerializer.Serialize(new
            {
                year = 2030, reference = "国务院办公厅关于2030年部分节假日安排的通知",
                days = Domain.Calendar.StatutoryHolidays.Of(2030).Select(d => new { date = d.Date, isOffDay = true, name = d.Name }),
            }, Json.Options)),
            new(admin, "/api/v1/calendar/admin/days", """{"regionCode":"431025000000","date":"2030-03-05","isOffDay":true,"name":"台风停工","reason":"县人民政府公告"}"""),
            new(admin, $"/api/v1/admin/identity-numbers/holders/{holderId}/detach", """{"identityNumber":"431025197606060025","reason":"本人持身份证到窗口核实"}"""),
        };
        var (recordTargets, recordQueries) = await RecordTargetsAsync();
        targets.AddRange(recordTargets);
        var queries = new[]
        {
            "/api/v1/calendar/due?from=2026-11-22&workingDays=20", "/api/v1/calendar/working-days/2026-10-01",
            "/api/v1/catalog/items?limit=20&type=AdministrativeLicense", $"/api/v1/cases/{received.Number}", "/api/v1/my/cases?after=" + draftId,
        };

        var before = await FingerprintAsync();
        var attributedBefore = await AttributedAsync(systemClientId);
        var random = new Random(Seed);
        var sent = 0;
        var sentByKey = 0;
        var failures = new List<string>();
        foreach (var target in targets)
        {
            foreach (var (label, content) in BadBodies(target.ValidJson, random).Take(400))
            {
                using var response = await target.Client.PostAsync(target.Url, content);
                await Check(response, $"POST {target.Url} [{label}]", failures);
                sent++;
                sentByKey += target.Client == system ? 1 : 0;
            }
        }
        foreach (var query in queries)
        {
            foreach (var url in BadQueries(query, random).Take(80))
            {
                var client = url.Contains("/my/", StringComparison.Ordinal) ? applicant : url.Contains("/cases/", StringComparison.Ordinal) ? clerk : app.Anonymous();
                using var response = await client.GetAsync(url);
                await Check(response, "GET " + url, failures, allowOk: true);
                sent++;
            }
        }
        foreach (var (client, query) in recordQueries)
        {
            foreach (var url in BadQueries(query, random).Take(80))
            {
                using var response = await client.GetAsync(url);
                await Check(response, "GET " + url, failures, allowOk: true);
                sent++;
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests were mishandled:\n" + string.Join("\n", failures.Select(f => System.Text.RegularExpressions.Regex.Replace(f, @" → (\d+) .*", " → $1")).Distinct().Take(60)));
        Assert.True(sent > 2500, $"only {sent} requests sent");
        Assert.Equal(before, await FingerprintAsync());
        Assert.True(sentByKey > 300, $"only {sentByKey} requests sent with a key");
        Assert.Equal(attributedBefore + sentByKey, await AttributedAsync(systemClientId)); // each refused request attributed, once

        // The same requests, unbroken, act: the fuzzing hit live endpoints.
        foreach (var target in targets.Where(t => !t.Url.EndsWith("/reject", StringComparison.Ordinal)))
        {
            using var response = await target.Client.PostAsync(target.Url, JsonBody(target.ValidJson));
            Assert.True(response.IsSuccessStatusCode, $"valid POST {target.Url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.NotEqual(before, await FingerprintAsync());

        // Every part of every body, one at a time, sent as null: a required part (a guide, a list, a list's entry)
        // is a 400 problem, an optional one may act; none may crash. Sent last, as an optional null may succeed.
        var fresh = 0;
        foreach (var target in targets)
        {
            foreach (var (path, _) in Leaves(JsonNode.Parse(target.ValidJson)!))
            {
                // A new item code each time, so that the guide is read and not refused for a code already taken.
                var json = target.ValidJson.Replace("431025-FZ-001", $"431025-FZ-N{++fresh}", StringComparison.Ordinal);
                using var response = await target.Client.PostAsync(target.Url, JsonBody(Replace(json, path, null)));
                await Check(response, $"POST {target.Url} [{path} null]", failures, allowOk: true);
                sent++;
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} bodies with a null part were mishandled:\n" + string.Join("\n", failures.Take(60)));
    }

    private static async Task Check(HttpResponseMessage response, string what, List<string> failures, bool allowOk = false)
    {
        var status = (int)response.StatusCode;
        if (allowOk && status is 200 or 201)
        {
            return;
        }
        if (status is < 400 or >= 500)
        {
            failures.Add($"{what} → {status} {Shorten(await response.Content.ReadAsStringAsync())}");
            return;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what} → {status} as {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not problem details");
        }
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

    /// <summary>A valid body broken in exactly one place, over and over, each way in turn.</summary>
    private static IEnumerable<(string Label, HttpContent Content)> BadBodies(string validJson, Random random)
    {
        var paths = Leaves(JsonNode.Parse(validJson)!).ToList();
        for (var round = 0; ; round++)
        {
            switch (round % 8)
            {
                case 0: // cut short
                    var cut = random.Next(1, validJson.Length - 1);
                    yield return ("cut at " + cut, JsonBody(validJson[..cut]));
                    break;
                case 1: // garbage, sometimes not even UTF-8
                    var bytes = new byte[random.Next(1, 200)];
                    random.NextBytes(bytes);
                    yield return ("random bytes", new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } });
                    break;
                case 2: // a value of the wrong JSON type (of a value that has one: a null leaf's type is unknown, 7 may be right for it)
                    var typed = paths.Where(p => p.Value is not null).ToList();
                    var (path, value) = typed[random.Next(typed.Count)];
                    yield return ($"{path} wrong type", JsonBody(Replace(validJson, path, WrongType(value, random))));
                    break;
                case 3: // oversized text wherever a text goes
                    var texts = paths.Where(p => p.Value?.GetValueKind() == JsonValueKind.String).ToList();
                    var text = texts[random.Next(texts.Count)];
                    var length = random.Next(2, 6) * 10_000 + random.Next(1000);
                    yield return ($"{text.Path} × {length}", JsonBody(Replace(validJson, text.Path, JsonValue.Create(new string(random.Next(2) == 0 ? 'x' : '审', length)))));
                    break;
                case 4: // invalid codes, dates, enums and numbers where such values go
                    var (p4, v4) = paths[random.Next(paths.Count)];
                    yield return ($"{p4} invalid", JsonBody(Replace(validJson, p4, InvalidValue(p4, v4, random))));
                    break;
                case 5: // the right JSON under the wrong media type
                    yield return ("text/plain", new StringContent(validJson, Encoding.UTF8, "text/plain"));
                    break;
                case 6: // nesting beyond any reason
                    var depth = random.Next(70, 400);
                    yield return ($"depth {depth}", JsonBody(validJson[..^1] + ",\"deep\":" + new string('[', depth) + new string(']', depth) + "}"));
                    break;
                default: // not an object at all
                    yield return ("not an object", JsonBody(random.Next(3) switch { 0 => "[]", 1 => "\"text\"", _ => "null" }));
                    break;
            }
        }
    }

    private static IEnumerable<string> BadQueries(string url, Random random)
    {
        var bad = new[]
        {
            "2026-02-30", "2026-13-01", "yesterday", "-1", "99999999999", "1e400", "%00", "%E4%BD", "<script>", "' OR 1=1 --",
            new string('9', 5000), "NaN", "0x10", "2026-11-22T25:00:00Z", "00000000-0000-0000-0000-00000000000Z", "Martian",
        };
        var (path, query) = url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (url[..q], url[(q + 1)..]) : (url, "");
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; ; i++)
        {
            var value = bad[random.Next(bad.Length)];
            if (parameters.Length == 0 || i % 3 == 0)
            {
                var segments = path.Split('/');
                segments[^1] = value == "%00" ? "%01" : value; // Kestrel refuses a NUL in the path before the app sees it
                yield return string.Join('/', segments) + (query.Length > 0 ? "?" + query : "");
            }
            else
            {
                var chosen = random.Next(parameters.Length);
                yield return path + "?" + string.Join('&', parameters.Select((p, n) => n == chosen ? p.Split('=')[0] + "=" + value : p));
            }
        }
    }

    private static JsonNode? WrongType(JsonNode? value, Random random)
    {
        JsonNode?[] choices = value?.GetValueKind() switch
        {
            JsonValueKind.String => [JsonValue.Create(12345), JsonValue.Create(true), new JsonArray(), new JsonObject()],
            JsonValueKind.Number => [JsonValue.Create("abc"), JsonValue.Create(false), new JsonArray(1, 2), new JsonObject()],
            JsonValueKind.True or JsonValueKind.False => [JsonValue.Create("yes"), JsonValue.Create(2), new JsonArray()],
            _ => [JsonValue.Create(7), JsonValue.Create(true), new JsonObject { ["x"] = 1 }],
        };
        return choices[random.Next(choices.Length)];
    }

    /// <summary>A value of the right JSON type that no field of that name accepts.</summary>
    private static JsonNode? InvalidValue(string path, JsonNode? value, Random random)
    {
        var name = path.Split('.', '[')[^1].TrimEnd(']').ToLowerInvariant();
        string[] options = name switch
        {
            "itemcode" or "code" => ["NO-SUCH-ITEM", "", "   ", "431025-ZZ-999", "../../etc/passwd", "431025-MZ-002\u0000"],
            "identitynumber" => ["11010519491231002Y", "123", "1101051949123100", "11010519491331002X", "A1010519491231002X"],
            "phone" => ["12345", "phone", "1380000000O", "+86 138 0000 0000 ext 9999999999"],
            "issuedat" => ["2026-02-30T00:00:00Z", "yesterday", "2099-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2026-11-22T25:61:00Z"],
            "applicantkind" => ["Martian", "99", ""],
            "contentbase64" => ["not base64 at all!", "AAAA", Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"))],
            "filename" => ["", "   ", new string('a', 300) + ".png"],
            "revision" => ["-1", "2147483648", "99999999999999999999", "1.5"],
            "number" => ["", "   ", new string('9', 500)],
            "casenumber" => [new string('9', 500), "<script>alert(1)</script>", "431025 20261122 00001"],
            _ => [],
        };
        if (options.Length == 0)
        {
            // Not a field with a known format: blank it, or make it absurdly long.
            return value?.GetValueKind() switch
            {
                JsonValueKind.Number => JsonValue.Create(random.Next(2) == 0 ? -999999999L : 99999999999L),
                // Blank is not always wrong (an optional reason), so only beyond every limit.
                JsonValueKind.String => JsonValue.Create(new string('长', random.Next(LongestText + 1, 20_000))),
                JsonValueKind.Array => new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode?)JsonValue.Create("项" + i)).ToArray()),
                _ => JsonValue.Create(new string('长', 20_000)),
            };
        }
        var chosen = options[random.Next(options.Length)];
        return name == "revision" ? JsonNode.Parse(chosen) : JsonValue.Create(chosen);
    }

    /// <summary>Every value in the document with its path ("guide.materials[0].name"), containers included.</summary>
    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var p = path.Length == 0 ? key : path + "." + key;
                    yield return (p, child);
                    if (child is not null)
                    {
                        foreach (var leaf in Leaves(child, p).Skip(child is JsonValue ? 1 : 0))
                        {
                            yield return leaf;
                        }
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var p = $"{path}[{i}]";
                    yield return (p, array[i]);
                    if (array[i] is JsonObject or JsonArray)
                    {
                        foreach (var leaf in Leaves(array[i]!, p))
                        {
                            yield return leaf;
                        }
                    }
                }
                break;
            default:
                yield return (path, node);
                break;
        }
    }

    private static string Replace(string json, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!;
        JsonNode? parent = root;
        var steps = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        for (var i = 0; i < steps.Count - 1; i++)
        {
            parent = steps[i].StartsWith('[') ? parent![int.Parse(steps[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)] : parent![steps[i]];
        }
        var last = steps[^1];
        if (last.StartsWith('['))
        {
            parent!.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent!.AsObject()[last] = value;
        }
        return root.ToJsonString();
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Row counts of every table and the revisions of cases and guides: any write shows here.</summary>
    private async Task<string> UserIdAsync(string userName)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        }
    }

    private async Task<(HttpClient Client, Guid Id)> ClientWithKeyAsync(HttpClient admin)
    {
        Guid department;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            department = await db.Departments.Where(d => d.Name == "临武县民政局").Select(d => d.Id).SingleAsync();
        }
        var response = await admin.PostAsync("/api/v1/admin/api-clients", JsonBody(JsonSerializer.Serialize(new
        {
            name = "模糊测试证照系统", contact = "测试", departmentId = department, scopes = new[] { "certificates:write" }, requestsPerMinute = 6000,
        }, Json.Options)));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var registered = await response.ReadJsonAsync();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", registered.GetProperty("key").GetString());
        return (client, registered.GetProperty("client").GetProperty("id").GetGuid());
    }

    /// <summary>The requests of a client key in the audit log (ADR 0025: each one attributed, refused or not).</summary>
    private async Task<int> AttributedAsync(Guid clientId)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var key = clientId.ToString();
            return await db.AuditEntries.CountAsync(a => a.EntityType == "api-client" && a.EntityKey == key && a.Action == "api-request");
        }
    }

    private async Task<string> FingerprintAsync()
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var parts = new List<string>();
            foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
            {
                var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"" // table names from the model, not input
                    // A client key's requests are attributed even when refused (ADR 0025); counted apart by the test.
                    + (table == "AuditEntries" ? " WHERE \"Action\" <> 'api-request'" : "");
                var count = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
                parts.Add($"{table}={count}");
            }
            parts.Add("caseRevisions=" + await db.Cases.SumAsync(c => (long)c.Revision));
            parts.Add(await RecordRevisionsAsync(db));
            return string.Join(";", parts);
        }
    }

    private sealed record Target(HttpClient Client, string Url, string ValidJson);

    /// <summary>A real 1×1 PNG, so the valid upload passes the content check.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
