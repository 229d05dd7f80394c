using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Accounts;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// An applicant verifies the account's phone, or changes to a new one, with a code sent to it (/my/phone and
/// /api/v1/my/phone). Until the phone is verified, window cases under the account's ID number and phone are not
/// the account's; a change needs the password too, ends other sign-ins at their next check and tells the old phone.
/// </summary>
public sealed class MyPhoneTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private TimeSpan StampInterval => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;

    private async Task<CaseView> WindowCaseAsync(string name, string idNumber, string phone)
    {
        var clerk = await app.SignedIn("clerk.mz");
        var response = await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, name, idNumber, phone, MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CaseView>();
    }

    private async Task<Guid> IdOf(CaseView c)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Cases.Where(x => x.Number == c.Number).Select(x => x.Id).SingleAsync();
        }
    }

    /// <summary>An account as sign-up made them before codes: its phone not verified.</summary>
    private async Task<HttpClient> UnverifiedApplicantAsync(string phone, string name, string idNumber)
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var user = new UserAccount { UserName = phone, PhoneNumber = phone, DisplayName = name, IdentityNumber = idNumber };
            Assert.True((await users.CreateAsync(user, Accounts.Password)).Succeeded);
            await users.AddToRoleAsync(user, ApplicantRoles.Applicant);
        }
        return await app.SignedIn(phone, Accounts.Password);
    }

    private static Task<HttpResponseMessage> SendCodeAsync(HttpClient client, string phone) =>
        Forms.PostAsync(client, "/my/phone", new Dictionary<string, string> { ["Phone"] = phone }, "/my/phone?handler=SendCode");

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string phone, string code, string? password = null) =>
        Forms.PostAsync(client, "/my/phone", new Dictionary<string, string> { ["Phone"] = phone, ["Code"] = code, ["Password"] = password ?? "" });

    [Fact]
    public async Task An_account_from_before_codes_sees_its_window_cases_once_it_verifies_its_phone()
    {
        const string phone = "13907357701", idNumber = "431025198606060062";
        var walkIn = await WindowCaseAsync("陈小芳", idNumber, phone);
        var citizen = await UnverifiedApplicantAsync(phone, "陈小芳", idNumber);
        var id = await IdOf(walkIn);

        var before = await citizen.GetStringAsync("/my");
        Assert.DoesNotContain(walkIn.Number, before, StringComparison.Ordinal);
        Assert.Contains("您的手机号码尚未验证", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/my/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/my/cases/{id}")).StatusCode);

        var sent = await (await SendCodeAsync(citizen, phone)).Content.ReadAsStringAsync();
        Assert.Contains("验证码已发送至 13907357701", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("当前密码", sent, StringComparison.Ordinal); // verifying the own phone needs no password
        Assert.Matches(@"<form method=""post"" novalidate action=""/my/phone"">", sent);
        var done = await ConfirmAsync(citizen, phone, app.Sms.LatestCode(phone));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/my", done.Headers.Location?.OriginalString);

        var after = await citizen.GetStringAsync("/my");
        Assert.Contains(walkIn.Number, after, StringComparison.Ordinal);
        Assert.Contains("手机号码已验证", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/my/cases/{id}")).StatusCode);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "phone-verified" && a.Actor == phone));
        }
    }

    [Fact]
    public async Task Changing_the_phone_takes_a_code_to_the_new_one_and_the_password_and_ends_other_sign_ins()
    {
        const string old = "13907357702", fresh = "13907357703", idNumber = "431025198707070075";
        var walkIn = await WindowCaseAsync("林小海", idNumber, old);
        var citizen = await Accounts.SignedUpAsync(app, old, "林小海", idNumber);
        var elsewhere = await app.SignedIn(old, Accounts.Password);
        Assert.Contains(walkIn.Number, await citizen.GetStringAsync("/my"), StringComparison.Ordinal);

        var sent = await (await SendCodeAsync(citizen, fresh)).Content.ReadAsStringAsync();
        Assert.Contains("当前密码", sent, StringComparison.Ordinal);
        var code = app.Sms.LatestCode(fresh);
        var noPassword = await ConfirmAsync(citizen, fresh, code);
        Assert.Contains("更换手机号码须填写当前密码", await noPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongPassword = await ConfirmAsync(citizen, fresh, code, "not-the-password-1");
        Assert.Contains("当前密码不正确", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var spent = await ConfirmAsync(citizen, fresh, code, Accounts.Password); // the code went with the wrong password
        Assert.Contains("验证码不正确或已过期", await spent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendCodeAsync(citizen, fresh);
        var changed = await ConfirmAsync(citizen, fresh, app.Sms.LatestCode(fresh), Accounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("尾号 7703", app.Sms.To(old)[^1], StringComparison.Ordinal);

        // This sign-in goes on; the one elsewhere ends at its next check. The new phone signs in, the old does not.
        var page = await citizen.GetStringAsync("/my");
        Assert.Contains("手机号码已改为 13907357703", page, StringComparison.Ordinal);
        Assert.DoesNotContain(walkIn.Number, page, StringComparison.Ordinal); // handed in under the old phone
        app.Clock.Advance(StampInterval + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/my")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/my")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.TrySignInAsync(app.Anonymous(), fresh, Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.TrySignInAsync(app.Anonymous(), old, Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task A_phone_of_another_account_is_answered_alike_and_its_owner_told()
    {
        var citizen = await Accounts.SignedUpAsync(app, "13907357704", "黄小琴", "431025198808080088");
        var owner = Modules.Organization.DemoCounty.DemoApplicant.Phone;
        var taken = await (await SendCodeAsync(citizen, owner)).Content.ReadAsStringAsync();
        var free = await (await SendCodeAsync(citizen, "13907357705")).Content.ReadAsStringAsync();
        Assert.Equal(Accounts.MainText(free, "13907357705"), Accounts.MainText(taken, owner));
        Assert.Contains("本号码已有账户", app.Sms.To(owner)[^1], StringComparison.Ordinal);
        Assert.All(app.Sms.To(owner), t => Assert.DoesNotMatch(@"\d{6}", t));
    }

    [Fact]
    public async Task The_api_twin_sends_checks_and_changes_with_the_same_rules()
    {
        const string phone = "13907357706", fresh = "13907357707";
        var citizen = await UnverifiedApplicantAsync(phone, "曾小东", "431025198909090090");
        var view = await (await citizen.GetAsync("/api/v1/my/phone")).ReadJsonAsync();
        Assert.Equal(phone, view.GetProperty("phone").GetString());
        Assert.False(view.GetProperty("verified").GetBoolean());

        var bad = await citizen.PostAsJsonAsync("/api/v1/my/phone/code", new { phone = "1390735" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("phone.invalid", (await bad.ReadJsonAsync()).GetProperty("code").GetString());
        var sent = await citizen.PostAsJsonAsync("/api/v1/my/phone/code", new { phone }, Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(600, (await sent.ReadJsonAsync()).GetProperty("expiresInSeconds").GetInt32());
        var again = await citizen.PostAsJsonAsync("/api/v1/my/phone/code", new { phone }, Json.Options);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal("60", again.Headers.RetryAfter?.ToString());
        Assert.Equal("phone.code-too-soon", (await again.ReadJsonAsync()).GetProperty("code").GetString());

        var code = app.Sms.LatestCode(phone);
        var wrong = await citizen.PostAsJsonAsync("/api/v1/my/phone", new { phone, code = code == "000000" ? "000001" : "000000" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("phone.code-invalid", (await wrong.ReadJsonAsync()).GetProperty("code").GetString());
        var verified = await citizen.PostAsJsonAsync("/api/v1/my/phone", new { phone, code }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True((await verified.ReadJsonAsync()).GetProperty("verified").GetBoolean());

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await citizen.PostAsJsonAsync("/api/v1/my/phone/code", new { phone = fresh }, Json.Options)).StatusCode);
        var noPassword = await citizen.PostAsJsonAsync("/api/v1/my/phone", new { phone = fresh, code = app.Sms.LatestCode(fresh) }, Json.Options);
        Assert.Equal("phone.password-required", (await noPassword.ReadJsonAsync()).GetProperty("code").GetString());
        var changed = await citizen.PostAsJsonAsync("/api/v1/my/phone", new { phone = fresh, code = app.Sms.LatestCode(fresh), password = Accounts.Password }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(fresh, (await (await citizen.GetAsync("/api/v1/my/phone")).ReadJsonAsync()).GetProperty("phone").GetString());

        var malformed = await citizen.PostAsync("/api/v1/my/phone", new StringContent("{\"phone\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }
}
