using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>
/// The sign-in cookie's periodic check against the account (its security stamp, and fresh roles), run only when
/// it is due. Identity's own hook resolves its validator on every request — SignInManager, UserManager, the user
/// store and their helpers, a graph of a dozen services — only to find, in all but one request per interval, that
/// the cookie is younger than the interval. That was about a twentieth of an authenticated request's CPU.
/// </summary>
public static class SecurityStampCheck
{
    public static Task WhenDueAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        // The same test as Identity's validator makes (a cookie without an issue time is checked at once).
        var now = (options.TimeProvider ?? services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var issued = context.Properties.IssuedUtc;
        var due = issued is null || now - issued.Value > options.ValidationInterval;
        return due ? SecurityStampValidator.ValidatePrincipalAsync(context) : Task.CompletedTask;
    }
}
