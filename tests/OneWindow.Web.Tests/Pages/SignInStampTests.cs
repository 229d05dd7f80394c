using OneWindow.Web.Modules.Accounts;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// A sign-in is checked against its account every <c>Accounts:StampCheckMinutes</c> (5): a changed security stamp (a
/// new password, a sign-out) ends it, and a role taken away stops working. Between checks the cookie alone is trusted.
/// </summary>
public sealed class SignInStampTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    private TimeSpan Interval => _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;

    public void Dispose() => _app.Dispose();

    // A route of the case workers: 404 while the sign-in may work on cases, 401 or 403 once it may not.
    private static async Task<HttpStatusCode> CaseWorkAsync(HttpClient client) => (await client.GetAsync("/api/v1/cases/NO-SUCH-CASE")).StatusCode;

    private async Task ChangeAccountAsync(string userName, Func<UserManager<UserAccount>, UserAccount, Task<IdentityResult>> change)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        Assert.True((await change(users, user)).Succeeded);
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_sign_in_at_the_next_check_and_not_before()
    {
        var client = await _app.SignedIn("clerk.mz");
        Assert.Equal(HttpStatusCode.NotFound, await CaseWorkAsync(client));

        await ChangeAccountAsync("clerk.mz", (users, user) => users.UpdateSecurityStampAsync(user));
        _app.Clock.Advance(Interval - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, await CaseWorkAsync(client)); // not due yet: the cookie is trusted

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await CaseWorkAsync(client));
        Assert.Equal(HttpStatusCode.Unauthorized, await CaseWorkAsync(client)); // the cookie was cleared, not merely refused once
    }

    [Fact]
    public void The_check_is_due_every_five_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Interval);
    }

    [Fact]
    public async Task Signing_out_ends_every_copy_of_the_cookie_at_its_next_check()
    {
        // Someone copied the clerk's cookie (a shared computer, a proxy's log); the clerk then signs out.
        var client = _app.Anonymous();
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "clerk.mz", ["Password"] = DemoCounty.DemoPassword,
            ["__RequestVerificationToken"] = OneWindowFactory.AntiforgeryToken(await client.GetStringAsync("/account/login")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("onewindow.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.NotFound, await CaseWorkAsync(copy));
        await Accounts.SignOutAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, await CaseWorkAsync(client));

        _app.Clock.Advance(Interval + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await CaseWorkAsync(copy));
        // Signing in again works as before.
        Assert.Equal(HttpStatusCode.NotFound, await CaseWorkAsync(await _app.SignedIn("clerk.mz")));
    }

    [Fact]
    public async Task A_valid_sign_in_is_renewed_at_the_check_with_the_accounts_current_roles()
    {
        var client = await _app.SignedIn("clerk.mz");
        _app.Clock.Advance(Interval + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, await CaseWorkAsync(client)); // checked, still valid, renewed

        await ChangeAccountAsync("clerk.mz", (users, user) => users.RemoveFromRoleAsync(user, StaffRoles.WindowClerk));
        _app.Clock.Advance(Interval - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, await CaseWorkAsync(client)); // the renewed cookie is not due yet

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Forbidden, await CaseWorkAsync(client)); // still signed in, no longer a case worker
    }
}
