using System.Net.Http.Json;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>Intake keeps each published version's template: a newly published version must be taken at once.</summary>
public sealed class TemplateVersionTests : IDisposable
{
    private const string Item = "431025-MZ-002";
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_case_received_after_a_new_version_is_published_pins_the_new_version_and_the_earlier_case_keeps_its_own()
    {
        var first = await CaseApi.Register(await _app.SignedIn("clerk.mz"), Item, "甲");
        var guide = (await (await _app.Anonymous().GetAsync($"/api/v1/catalog/items/{Item}")).ReadAsync<GuideView>()).Guide;
        Assert.Equal(guide.Name, first.ItemName);

        var admin = await _app.SignedIn("admin");
        var draft = await (await admin.PostAsync($"/api/v1/catalog/admin/items/{Item}/drafts", null)).ReadAsync<VersionResponse>();
        var renamed = guide with { Name = guide.Name + "（新版）" };
        var edited = await admin.PutAsJsonAsync($"/api/v1/catalog/admin/items/{Item}/versions/{draft.VersionNumber}", new EditDraftRequest(draft.Revision, renamed, "规范名称"), Json.Options);
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        _app.Clock.Advance(TimeSpan.FromDays(1));
        admin = await _app.SignedIn("admin"); // the sign-in has expired meanwhile
        var published = await admin.PostAsync($"/api/v1/catalog/admin/items/{Item}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        var clerk = await _app.SignedIn("clerk.mz");
        var second = await CaseApi.Register(clerk, Item, "乙");
        Assert.Equal(renamed.Name, second.ItemName);
        var again = await (await clerk.GetAsync($"/api/v1/cases/{first.Number}")).ReadAsync<CaseView>();
        Assert.Equal(guide.Name, again.ItemName);
        Assert.Equal(CaseStatus.Received, again.Status);
    }
}
