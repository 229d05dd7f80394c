using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The category editor (诉求分类维护) and its API twin: the center administrator adds, renames, moves and retires
/// categories and sets their default unit and statutory limit; a stale change is a conflict that overwrites nothing;
/// bad input names its field; an order keeps the category it was filed under.
/// </summary>
public class CategoryEditorTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Admin = "/api/v1/admin/hotline/categories";

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_administrator_adds_renames_moves_and_retires_and_an_order_keeps_its_category()
    {
        var admin = await app.SignedIn("admin");
        var hotline = await app.SignedInOnce("hotline");
        var town = await UnitAsync(hotline, Town);
        var market = await UnitAsync(hotline, Market);

        var created = await (await admin.PostAsJsonAsync(Admin, new CategoryForm("CX.90", " 电梯困人与维保 ", "CX", market, 20, 90), Json.Options)).ReadAsync<CategoryRow>();
        Assert.Equal(("电梯困人与维保", "CX", market, 20, true), (created.Name, created.ParentCode, created.DefaultUnitId, created.HandlingWorkingDays, created.Active));
        var offered = await (await hotline.GetAsync($"{Root}/categories")).ReadAsync<List<CategoryView>>();
        Assert.Contains(offered, c => c.Code == "CX.90" && c.DefaultUnitName == Market);

        // An order filed under it, then dispatched with the category's statutory limit.
        var order = await RegisterAsync(hotline, Call("小区电梯停运一周", category: "CX.90", type: WorkOrderType.Help));
        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, market)));
        Assert.Equal("20 个工作日", order.HandlingLimit);

        // Renamed, moved under another group, another default unit and no statutory limit.
        var edited = await (await admin.PutAsJsonAsync($"{Admin}/CX.90", new CategoryForm(null, "电梯安全", "SC", town, null, 5, created.Revision), Json.Options)).ReadAsync<CategoryRow>();
        Assert.Equal(("电梯安全", "SC", town, (int?)null), (edited.Name, edited.ParentCode, edited.DefaultUnitId, edited.HandlingWorkingDays));
        Assert.NotEqual(created.Revision, edited.Revision);

        // A change on the revision first loaded is a conflict and changes nothing.
        var stale = await ProblemAsync(admin.PutAsJsonAsync($"{Admin}/CX.90", new CategoryForm(null, "电梯其他", "CX", null, null, 5, created.Revision), Json.Options), HttpStatusCode.Conflict);
        Assert.Equal("concurrency.conflict", stale.GetProperty("code").GetString());
        Assert.Equal("电梯安全", (await (await admin.GetAsync($"{Admin}/CX.90")).ReadAsync<CategoryRow>()).Name);

        // Retired: no new orders under it, gone from the form's choices; the order filed under it keeps it.
        var retired = await (await admin.PostAsJsonAsync($"{Admin}/CX.90/active", new CategoryActiveRequest(edited.Revision, false), Json.Options)).ReadAsync<CategoryRow>();
        Assert.False(retired.Active);
        var refused = await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders", Call("停用分类下的新工单", category: "CX.90"), Json.Options), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("categoryCode", out _));
        Assert.DoesNotContain(await (await hotline.GetAsync($"{Root}/categories")).ReadAsync<List<CategoryView>>(), c => c.Code == "CX.90");
        var kept = await (await hotline.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal(("CX.90", "电梯安全", "20 个工作日"), (kept.CategoryCode, kept.CategoryName, kept.HandlingLimit));
        var restored = await (await admin.PostAsJsonAsync($"{Admin}/CX.90/active", new CategoryActiveRequest(retired.Revision, true), Json.Options)).ReadAsync<CategoryRow>();
        Assert.True(restored.Active);
    }

    [Fact]
    public async Task A_group_whose_categories_are_all_retired_is_not_an_Open311_service()
    {
        var admin = await app.SignedIn("admin");
        var group = await (await admin.PostAsJsonAsync(Admin, new CategoryForm("ZQ", "征迁安置", null, null, null, 95), Json.Options)).ReadAsync<CategoryRow>();
        var leaf = await (await admin.PostAsJsonAsync(Admin, new CategoryForm("ZQ.01", "征收补偿", "ZQ", null, null, 1), Json.Options)).ReadAsync<CategoryRow>();
        var anonymous = app.Anonymous();
        async Task<string> Services() => await anonymous.GetStringAsync("/open311/v2/services.json");
        Assert.Contains("\"service_code\":\"ZQ.01\"", await Services(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"service_code\":\"ZQ\"", await Services(), StringComparison.Ordinal);

        // Its only category retired: the group stays in use (it is retired only once nothing under it is) but is a
        // group, not a service a request could be filed under.
        await admin.PostAsJsonAsync($"{Admin}/ZQ.01/active", new CategoryActiveRequest(leaf.Revision, false), Json.Options);
        var services = await Services();
        Assert.DoesNotContain("\"service_code\":\"ZQ\"", services, StringComparison.Ordinal);
        Assert.DoesNotContain("\"service_code\":\"ZQ.01\"", services, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/open311/v2/services/ZQ.json")).StatusCode);
        Assert.True(group.Active);
    }

    [Fact]
    public async Task Bad_input_names_its_field_and_the_trees_rules_are_conflicts()
    {
        var admin = await app.SignedIn("admin");
        foreach (var (form, field) in new (CategoryForm, string)[]
        {
            (new("CX 91", "空格编码", "CX", null, null, 1), "code"),
            (new("CX.92", "", "CX", null, null, 1), "name"),
            (new("CX.93", "上级不存在", "NOPE", null, null, 1), "parentCode"),
            (new("CX.94", "上级不是一级分类", "CX.01", null, null, 1), "parentCode"),
            (new("CX.95", "时限过长", "CX", null, 400, 1), "handlingWorkingDays"),
            (new("CX.96", "单位不存在", "CX", Guid.NewGuid(), null, 1), "defaultUnitId"),
            (new("CX.01", "编码已用", "CX", null, null, 1), "code"),
        })
        {
            var problem = await ProblemAsync(admin.PostAsJsonAsync(Admin, form, Json.Options), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Admin}/CX.93")).StatusCode);

        var group = await (await admin.GetAsync($"{Admin}/JT")).ReadAsync<CategoryRow>();
        Assert.True(group.Children > 0);
        var retire = await ProblemAsync(admin.PostAsJsonAsync($"{Admin}/JT/active", new CategoryActiveRequest(group.Revision, false), Json.Options), HttpStatusCode.Conflict);
        Assert.Equal("hotline.category-has-children", retire.GetProperty("code").GetString());
        var move = await ProblemAsync(admin.PutAsJsonAsync($"{Admin}/JT", new CategoryForm(null, group.Name, "CX", group.DefaultUnitId, null, group.SortOrder, group.Revision), Json.Options),
            HttpStatusCode.BadRequest);
        Assert.Equal("hotline.category-has-children", move.GetProperty("code").GetString());

        var level = await (await admin.GetAsync($"{Admin}?parent=JT")).ReadAsync<CategoryRowPage>();
        Assert.Equal(["JT.01", "JT.02", "JT.03"], level.Items.Select(c => c.Code).Take(3));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInOnce("hotline")).GetAsync(Admin)).StatusCode);
    }

    [Fact]
    public async Task The_page_adds_and_edits_and_a_stale_edit_keeps_what_was_typed()
    {
        var admin = await app.SignedIn("admin");
        var groups = await admin.GetStringAsync("/admin/hotline/categories");
        Assert.Contains("城乡建设", groups, StringComparison.Ordinal);
        Assert.Contains("/admin/hotline/categories", await admin.GetStringAsync("/admin"), StringComparison.Ordinal);

        var added = await Forms.PostAsync(admin, "/admin/hotline/categories?parent=JY", new Dictionary<string, string>
        {
            ["Code"] = "JY.90", ["Name"] = "课后服务收费", ["ParentCode"] = "JY", ["DefaultUnitId"] = "", ["HandlingWorkingDays"] = "", ["SortOrder"] = "90",
        }, "/admin/hotline/categories?handler=Save&parent=JY");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var editPage = await admin.GetStringAsync("/admin/hotline/categories?parent=JY&edit=JY.90");
        Assert.Contains("课后服务收费", editPage, StringComparison.Ordinal);
        var token = OneWindowFactory.AntiforgeryToken(editPage);
        var row = await (await admin.GetAsync($"{Admin}/JY.90")).ReadAsync<CategoryRow>();
        Fields(row, "课后服务与托管收费", out var fields);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostWithTokenAsync(admin, token, "/admin/hotline/categories?handler=Save&parent=JY", fields)).StatusCode);

        // The same form again, on the revision it was read at: the reason is shown, what was typed kept, nothing saved.
        Fields(row, "课后托管", out var staleFields);
        var stale = await Forms.PostWithTokenAsync(admin, token, "/admin/hotline/categories?handler=Save&parent=JY", staleFields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("已被他人修改", html, StringComparison.Ordinal);
        Assert.Contains("value=\"课后托管\"", html, StringComparison.Ordinal);
        Assert.Equal("课后服务与托管收费", (await (await admin.GetAsync($"{Admin}/JY.90")).ReadAsync<CategoryRow>()).Name);

        // A bad limit is shown at its field.
        var bad = await Forms.PostAsync(admin, "/admin/hotline/categories?parent=JY", new Dictionary<string, string>
        {
            ["Code"] = "JY.91", ["Name"] = "时限错误", ["ParentCode"] = "JY", ["HandlingWorkingDays"] = "0", ["SortOrder"] = "91",
        }, "/admin/hotline/categories?handler=Save&parent=JY");
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("1–365 个工作日", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"时限错误\"", badHtml, StringComparison.Ordinal);
    }

    private static void Fields(CategoryRow row, string name, out Dictionary<string, string> fields) =>
        fields = new()
        {
            ["Code"] = row.Code, ["Name"] = name, ["ParentCode"] = row.ParentCode ?? "", ["DefaultUnitId"] = row.DefaultUnitId?.ToString() ?? "",
            ["HandlingWorkingDays"] = row.HandlingWorkingDays is { } d ? I(d) : "", ["SortOrder"] = I(row.SortOrder), ["Revision"] = I(row.Revision),
        };
}
