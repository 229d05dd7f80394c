using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// Signing up proves the phone with a one-time code before an account exists, and never says whether a phone or an
/// ID number already has one: the same answers, and the existing owner is told by SMS. Window cases join an
/// account only when both its ID number and its verified phone match.
/// </summary>
public sealed class SignUpTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<CaseView> WindowCaseAsync(string name, string idNumber, string phone)
    {
        var clerk = await app.SignedIn("clerk.mz");
        var response = await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-004", ApplicantKind.Person, name, idNumber, phone, MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-004")), Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CaseView>();
    }

    [Fact]
    public async Task Knowing_someones_id_number_and_phone_does_not_open_their_window_cases()
    {
        // 周大勇 handed in a case at a window; his ID number and phone are on the paper form, which others have seen.
        const string phone = "13907358801", idNumber = "431025198001010011";
        var walkIn = await WindowCaseAsync("周大勇", idNumber, phone);

        // Someone else signs up with them, without the code that went to 周大勇's phone.
        var stranger = app.Anonymous();
        var attempt = await Forms.PostAsync(stranger, "/account/register", new Dictionary<string, string>
        {
            ["Phone"] = phone, ["RealName"] = "周大勇", ["IdentityNumber"] = idNumber, ["Password"] = "stranger2026x", ["ConfirmPassword"] = "stranger2026x", ["Consent"] = "true",
        });
        Assert.DoesNotContain(walkIn.Number, await (await stranger.GetAsync("/my")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("请填写短信中的 6 位数字验证码", await attempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, (await Accounts.TrySignInAsync(app.Anonymous(), phone, "stranger2026x")).StatusCode);

        // A guessed code does not do either.
        await Accounts.SendSignUpCodeAsync(stranger, phone);
        var real = app.Sms.LatestCode(phone);
        var guessed = await Accounts.CompleteSignUpAsync(stranger, phone, real == "000000" ? "000001" : "000000", "周大勇", idNumber, "stranger2026x");
        Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
        Assert.Contains("验证码不正确", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 周大勇 himself, with the code his phone received, signs up and finds his window case.
        var citizen = await Accounts.SignedUpAsync(app, phone, "周大勇", idNumber);
        Assert.Contains(walkIn.Number, await citizen.GetStringAsync("/my"), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>().Users.SingleAsync(u => u.UserName == phone);
        Assert.True(user.PhoneNumberConfirmed);
    }

    [Fact]
    public async Task The_code_is_sent_in_plain_Chinese_kept_only_as_a_hash_and_expires()
    {
        const string phone = "13907358802";
        var client = app.Anonymous();
        var sent = await Accounts.SendSignUpCodeAsync(client, phone);
        var page = await sent.Content.ReadAsStringAsync();
        Assert.Contains("验证码已发送", page, StringComparison.Ordinal);
        // The second step's form posts to the page itself, not back to the address of the first step's handler.
        Assert.Matches(@"<form method=""post"" novalidate action=""/account/register"">", page);
        var text = Assert.Single(app.Sms.To(phone));
        var code = app.Sms.LatestCode(phone);
        Assert.Matches(@"^【一窗通】.*验证码.*\d{6}.*10 分钟内有效", text);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
            var row = await db.OneTimeCodes.AsNoTracking().SingleAsync(c => c.Phone == phone);
            Assert.DoesNotContain(code, row.Hash + row.Salt, StringComparison.Ordinal);
            Assert.Equal(OneWindowFactory.DefaultNow.UtcDateTime.AddMinutes(10), row.ExpiresAt);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        try
        {
            var late = await Accounts.CompleteSignUpAsync(client, phone, code, "孙小梅", "431025198202020021");
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            Assert.Contains("验证码不正确或已过期", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task A_code_takes_five_wrong_tries_then_is_spent_and_a_new_one_replaces_it_after_a_minute()
    {
        const string phone = "13907358803";
        var client = app.Anonymous();
        await Accounts.SendSignUpCodeAsync(client, phone);
        var first = app.Sms.LatestCode(phone);
        var wrong = first == "123456" ? "654321" : "123456";
        for (var i = 0; i < 5; i++)
        {
            await Accounts.CompleteSignUpAsync(client, phone, wrong, "吴小兰", "431025198303030034");
        }
        var spent = await Accounts.CompleteSignUpAsync(client, phone, first, "吴小兰", "431025198303030034");
        Assert.Contains("验证码不正确或已过期", await spent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new code only after the resend interval; the page says how long to wait.
        var tooSoon = await Accounts.SendSignUpCodeAsync(client, phone);
        Assert.Contains("秒后再获取验证码", await tooSoon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(app.Sms.To(phone));
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        try
        {
            await Accounts.SendSignUpCodeAsync(client, phone);
            Assert.Equal(2, app.Sms.To(phone).Count);
            var done = await Accounts.CompleteSignUpAsync(client, phone, app.Sms.LatestCode(phone), "吴小兰", "431025198303030034");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task Sign_up_answers_the_same_whether_or_not_the_phone_is_registered_and_tells_the_owner()
    {
        var owner = DemoCounty.DemoApplicant;
        const string fresh = "13907358804";
        var forFresh = await (await Accounts.SendSignUpCodeAsync(app.Anonymous(), fresh)).Content.ReadAsStringAsync();
        var forTaken = await (await Accounts.SendSignUpCodeAsync(app.Anonymous(), owner.Phone)).Content.ReadAsStringAsync();
        Assert.Equal(Accounts.MainText(forFresh, fresh), Accounts.MainText(forTaken, owner.Phone));

        // The owner of the registered phone receives no code but a word that someone tried.
        Assert.Contains(app.Sms.To(owner.Phone), t => t.Contains("正在用本手机号码注册", StringComparison.Ordinal) && t.Contains("您已有账户", StringComparison.Ordinal));
        Assert.All(app.Sms.To(owner.Phone), t => Assert.DoesNotMatch(@"\d{6}", t));
    }

    [Fact]
    public async Task Sign_up_with_an_id_number_another_account_names_makes_the_account_and_tells_the_other()
    {
        var owner = DemoCounty.DemoApplicant;
        const string newcomer = "13907358805", other = "13907358806";
        var duplicate = await Accounts.SignUpAsync(app, app.Anonymous(), newcomer, owner.Name, owner.IdentityNumber);
        var genuine = await Accounts.SignUpAsync(app, app.Anonymous(), other, "郑小军", "431025198404040047");
        Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);
        Assert.Equal(genuine.StatusCode, duplicate.StatusCode);
        Assert.Equal(genuine.Headers.Location?.OriginalString.Replace(other, newcomer, StringComparison.Ordinal), duplicate.Headers.Location?.OriginalString);
        Assert.Equal(genuine.Headers.Contains("Set-Cookie") ? genuine.Headers.GetValues("Set-Cookie").Select(c => c.Split('=')[0]) : [],
            duplicate.Headers.Contains("Set-Cookie") ? duplicate.Headers.GetValues("Set-Cookie").Select(c => c.Split('=')[0]) : []);

        // Nothing proves an ID number at sign-up, so the first account naming it must not keep anyone out (issue 15's
        // review): the account is made, without the window cases of the other (they need the verified phone too), and
        // the other account's phone is told where to have a misused ID number detached.
        Assert.Contains(app.Sms.To(owner.Phone), t => t.Contains("身份证号码注册了另一个一窗通账户", StringComparison.Ordinal) && t.Contains("如非本人操作", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.TrySignInAsync(app.Anonymous(), newcomer, Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.TrySignInAsync(app.Anonymous(), other, Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task An_empty_sign_up_form_is_answered_with_errors_not_a_server_error()
    {
        var client = app.Anonymous();
        var token = OneWindowFactory.AntiforgeryToken(await client.GetStringAsync("/account/register"));
        foreach (var action in new[] { "/account/register", "/account/register?handler=SendCode" })
        {
            var empty = await Forms.PostWithTokenAsync(client, token, action, new Dictionary<string, string>
            {
                ["Phone"] = "", ["Code"] = "", ["RealName"] = "", ["IdentityNumber"] = "", ["Password"] = "", ["ConfirmPassword"] = "",
            });
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("请填写 11 位手机号码", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var bare = await Forms.PostWithTokenAsync(client, token, action, new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        }
    }

    [Fact]
    public async Task The_sign_up_pages_read_in_English_on_request()
    {
        var client = app.Anonymous();
        Assert.Contains("Send code", await client.GetStringAsync("/account/register?culture=en"), StringComparison.Ordinal);
        var sent = await Forms.PostAsync(client, "/account/register?culture=en", new Dictionary<string, string> { ["Phone"] = "13907358807" }, "/account/register?handler=SendCode&culture=en");
        var page = await sent.Content.ReadAsStringAsync();
        Assert.Contains("code was sent", page, StringComparison.Ordinal);
        Assert.DoesNotContain("验证码", Accounts.MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_up_asks_consent_to_the_personal_information_rules_and_records_it()
    {
        const string phone = "13907358871";
        var client = app.Anonymous();
        Assert.Contains("个人信息处理规则", await client.GetStringAsync("/account/register"), StringComparison.Ordinal);
        await Accounts.SendSignUpCodeAsync(client, phone);
        var refused = await Forms.PostAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["Phone"] = phone, ["Code"] = app.Sms.LatestCode(phone), ["RealName"] = "龙小燕", ["IdentityNumber"] = "431025199002020021",
            ["Password"] = Accounts.Password, ["ConfirmPassword"] = Accounts.Password,
        });
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("同意后才能注册", page, StringComparison.Ordinal);
        Assert.Contains("value=\"龙小燕\"", page, StringComparison.Ordinal); // what was valid is kept

        var done = await Accounts.CompleteSignUpAsync(client, phone, app.Sms.LatestCode(phone), "龙小燕", "431025199002020021");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindow.Web.Data.OneWindowDbContext>();
        var account = await db.Users.SingleAsync(u => u.UserName == phone);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "UserAccount" && a.EntityKey == account.Id && a.Action == "consented"));
    }
}

/// <summary>Codes asked for and wrong codes tried from one address are limited too, whatever the phones.</summary>
public sealed class SignUpAddressLimitTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:CodesPerAddress"] = "2",
        ["RateLimits:CodeFailuresPerAddress"] = "2",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task One_address_asking_codes_for_many_phones_is_slowed_down()
    {
        var client = _app.Anonymous();
        await Accounts.SendSignUpCodeAsync(client, "13907358901");
        await Accounts.SendSignUpCodeAsync(client, "13907358902");
        var third = await (await Accounts.SendSignUpCodeAsync(client, "13907358903")).Content.ReadAsStringAsync();
        Assert.Contains("验证码发送过于频繁，请 60 秒后再获取验证码。", third, StringComparison.Ordinal);
        Assert.Empty(_app.Sms.To("13907358903"));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Accounts.SendSignUpCodeAsync(client, "13907358903");
        Assert.Single(_app.Sms.To("13907358903"));
    }

    [Fact]
    public async Task One_address_trying_wrong_codes_is_slowed_down_and_then_not_even_checked()
    {
        var client = _app.Anonymous();
        await Accounts.SendSignUpCodeAsync(client, "13907358904");
        var right = _app.Sms.LatestCode("13907358904");
        var wrong = right == "111111" ? "222222" : "111111";
        await Accounts.CompleteSignUpAsync(client, "13907358904", wrong, "冯小燕", "43102519850505005X");
        var second = await (await Accounts.CompleteSignUpAsync(client, "13907358904", wrong, "冯小燕", "43102519850505005X")).Content.ReadAsStringAsync();
        Assert.Contains("验证码不正确或已过期。尝试次数过多，请 5 秒后再试。", second, StringComparison.Ordinal);
        var held = await Accounts.CompleteSignUpAsync(client, "13907358904", right, "冯小燕", "43102519850505005X");
        Assert.Equal(HttpStatusCode.OK, held.StatusCode); // not checked while the address waits, so not spent either
        Assert.Contains("尝试次数过多，请 5 秒后再试。", await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _app.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.CompleteSignUpAsync(client, "13907358904", right, "冯小燕", "43102519850505005X")).StatusCode);
    }
}

/// <summary>
/// The codes sent to one phone are limited per phone and address, and per phone in a day from all addresses; but a
/// stranger asking for codes to someone's phone must not lock its owner out of signing up or verifying it.
/// </summary>
public sealed class PhoneCodeLockoutTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string> { ["RateLimits:CodesPerPhone"] = "3" }, PeerAddress.AddTo);

    public void Dispose() => _app.Dispose();

    private HttpClient From(string address)
    {
        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Add(PeerAddress.Header, address);
        return client;
    }

    [Fact]
    public async Task A_strangers_requests_for_someones_phone_do_not_hold_up_its_owner()
    {
        const string phone = "13907358911";
        var stranger = From("203.0.113.5");
        await Accounts.SendSignUpCodeAsync(stranger, phone);
        var again = await (await Accounts.SendSignUpCodeAsync(stranger, phone)).Content.ReadAsStringAsync();
        Assert.Contains("验证码发送过于频繁", again, StringComparison.Ordinal);
        Assert.Single(_app.Sms.To(phone));

        // The owner, from their own address, gets a code at once and signs up with it.
        var owner = From("198.51.100.9");
        var sent = await (await Accounts.SendSignUpCodeAsync(owner, phone)).Content.ReadAsStringAsync();
        Assert.Contains("验证码已发送", sent, StringComparison.Ordinal);
        Assert.Equal(2, _app.Sms.To(phone).Count);
        var done = await Accounts.CompleteSignUpAsync(owner, phone, _app.Sms.LatestCode(phone), "褚小川", "431025198606060011");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    [Fact]
    public async Task Many_addresses_send_a_phone_no_more_than_its_day_and_one_first_code_each_yet_the_owner_still_gets_one()
    {
        const string phone = "13907358912";
        var strangers = Enumerable.Range(0, 4).Select(i => From($"203.0.113.{20 + i}")).ToList();
        foreach (var s in strangers)
        {
            await Accounts.SendSignUpCodeAsync(s, phone); // each address's first code of the day goes
        }
        Assert.Equal(4, _app.Sms.To(phone).Count);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        foreach (var s in strangers)
        {
            // The phone has had its three codes of the day: no address gets a second one.
            Assert.Contains("验证码发送过于频繁", await (await Accounts.SendSignUpCodeAsync(s, phone)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(4, _app.Sms.To(phone).Count);

        var owner = From("198.51.100.10");
        Assert.Contains("验证码已发送", await (await Accounts.SendSignUpCodeAsync(owner, phone)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.CompleteSignUpAsync(owner, phone, _app.Sms.LatestCode(phone), "卫小林", "431025198707070024")).StatusCode);
    }
}
