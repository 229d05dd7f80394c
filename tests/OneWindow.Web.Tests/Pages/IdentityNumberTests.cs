using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// Nothing proves an ID number at sign-up, so someone can sign up first with another person's ID number and a phone of
/// their own. That must neither keep the real person from signing up nor show the squatter the person's window cases;
/// and a center administrator can detach the ID number from the squatter's account (page and API, audited).
/// </summary>
public sealed class IdentityNumberTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<CaseView> WindowCaseAsync(string name, string idNumber, string phone)
    {
        var clerk = await app.SignedInOnce("clerk.mz");
        var response = await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, name, idNumber, phone, MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CaseView>();
    }

    [Fact]
    public async Task Someone_who_signed_up_first_with_a_persons_id_number_neither_keeps_them_out_nor_sees_their_window_cases()
    {
        const string idNumber = "431025197808080032", realPhone = "13907358921", squatterPhone = "13907358922";
        var walkIn = await WindowCaseAsync("蒋大成", idNumber, realPhone);

        // The squatter signs up first, with 蒋大成's name and ID number and a phone of their own.
        var squatter = await Accounts.SignedUpAsync(app, squatterPhone, "蒋大成", idNumber);
        Assert.DoesNotContain(walkIn.Number, await squatter.GetStringAsync("/my"), StringComparison.Ordinal);

        // 蒋大成 still signs up with his own phone, signs in and finds his window case.
        var real = await Accounts.SignedUpAsync(app, realPhone, "蒋大成", idNumber);
        Assert.Contains(walkIn.Number, await real.GetStringAsync("/my"), StringComparison.Ordinal);
        // The account that named the ID number first is told that another account names it now.
        Assert.Contains(app.Sms.To(squatterPhone), t => t.Contains("身份证号码注册了另一个一窗通账户", StringComparison.Ordinal));
        Assert.DoesNotContain(walkIn.Number, await squatter.GetStringAsync("/my"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_center_administrator_detaches_the_id_number_from_the_squatters_account_through_the_api_audited()
    {
        const string idNumber = "431025197909090045", realPhone = "13907358931", squatterPhone = "13907358932";
        var squatter = await Accounts.SignedUpAsync(app, squatterPhone, "韩小明", idNumber);
        await Accounts.SignedUpAsync(app, realPhone, "韩小明", idNumber);
        var admin = await app.SignedInOnce("admin");

        var holders = await (await admin.PostAsJsonAsync("/api/v1/admin/identity-numbers/holders", new { identityNumber = idNumber })).ReadAsync<List<IdentityNumberHolder>>();
        Assert.Equal(2, holders.Count);
        Assert.All(holders, h => Assert.StartsWith("*******", h.Phone, StringComparison.Ordinal));
        var theirs = holders.Single(h => h.Phone.EndsWith(squatterPhone[^4..], StringComparison.Ordinal));

        var noReason = await admin.PostAsJsonAsync($"/api/v1/admin/identity-numbers/holders/{theirs.UserId}/detach", new { identityNumber = idNumber, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var wrongNumber = await admin.PostAsJsonAsync($"/api/v1/admin/identity-numbers/holders/{theirs.UserId}/detach", new { identityNumber = "431025197808080032", reason = "核实" });
        Assert.Equal(HttpStatusCode.NotFound, wrongNumber.StatusCode);
        var detached = await admin.PostAsJsonAsync($"/api/v1/admin/identity-numbers/holders/{theirs.UserId}/detach",
            new { identityNumber = idNumber, reason = "本人持身份证到窗口核实，该账户冒用" });
        Assert.Equal(HttpStatusCode.NoContent, detached.StatusCode);

        var left = await (await admin.PostAsJsonAsync("/api/v1/admin/identity-numbers/holders", new { identityNumber = idNumber })).ReadAsync<List<IdentityNumberHolder>>();
        Assert.Equal(realPhone[^4..], Assert.Single(left).Phone[^4..]);
        Assert.Contains(app.Sms.To(squatterPhone), t => t.Contains("已解除您的一窗通账户登记的身份证号码", StringComparison.Ordinal));
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == IdentityNumberHolders.DetachedAction && a.EntityKey == theirs.UserId);
            Assert.Equal("admin", entry.Actor);
            Assert.Contains("本人持身份证到窗口核实", entry.Details, StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber, entry.Details, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == IdentityNumberHolders.LookedUpAction && a.Actor == "admin"));
        }

        // The account keeps its sign-in, but no longer applies online under that ID number.
        var applied = await squatter.PostAsJsonAsync("/api/v1/my/cases", new { itemCode = "431025-SJ-003", phone = squatterPhone, files = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, applied.StatusCode);
        Assert.Equal("applicant.no-identity-number", (await applied.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_page_looks_the_id_number_up_masked_and_detaches_it_with_a_reason()
    {
        const string idNumber = "431025197707070011", phone = "13907358941";
        var holder = await Accounts.SignedUpAsync(app, phone, "曹大成", idNumber);
        var admin = await app.SignedIn("admin");
        Assert.Contains("/admin/accounts/identity-numbers", await admin.GetStringAsync("/admin"), StringComparison.Ordinal);

        var found = await Forms.PostAsync(admin, "/admin/accounts/identity-numbers", new Dictionary<string, string> { ["IdentityNumber"] = idNumber },
            "/admin/accounts/identity-numbers?handler=Find");
        var page = await found.Content.ReadAsStringAsync();
        Assert.True(found.Headers.CacheControl?.NoStore, "the page carries the ID number typed: no cache may keep it");
        Assert.Contains("*******" + phone[^4..], page, StringComparison.Ordinal);
        Assert.Contains("曹**", page, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, page, StringComparison.Ordinal);

        var db = app.NewDbContext(out var scope);
        string userId;
        using (scope)
        {
            userId = await db.Users.Where(u => u.UserName == phone).Select(u => u.Id).SingleAsync();
        }
        var token = OneWindowFactory.AntiforgeryToken(page);
        var withoutReason = await Forms.PostWithTokenAsync(admin, token, "/admin/accounts/identity-numbers?handler=Detach",
            new Dictionary<string, string> { ["IdentityNumber"] = idNumber, ["UserId"] = userId, ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("请填写解除的理由", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await Forms.PostWithTokenAsync(admin, token, "/admin/accounts/identity-numbers?handler=Detach",
            new Dictionary<string, string> { ["IdentityNumber"] = idNumber, ["UserId"] = userId, ["Reason"] = "本人到窗口核实" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var again = app.NewDbContext(out var scopeAgain);
        using (scopeAgain)
        {
            Assert.Null(await again.Users.Where(u => u.Id == userId).Select(u => u.IdentityNumber).SingleAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/my")).StatusCode);
    }
}
