using Microsoft.AspNetCore.Identity;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Accounts;

public enum SignInOutcome
{
    SignedIn = 1,
    WrongPassword = 2,
    Waiting = 3,
    Deactivated = 4,
}

/// <param name="Wait">How long the next try must wait (zero if it need not).</param>
public sealed record SignInResult(SignInOutcome Outcome, TimeSpan Wait, UserAccount? User = null);

/// <summary>
/// Signing in with a name and password, throttled instead of locked (ADR 0015). Every try at an account is counted
/// before the password is checked — apart for a browser that signed in to it before (<see cref="SignInDevices"/>) —
/// and a right password clears the count; wrong passwords are also counted per client address. While a count says
/// wait, no password is checked. An unknown name goes the same way as a known one: its own count, and a password
/// hashed against a stand-in hash, so that neither the answer nor its time tells whether the name exists. Whether an
/// account is deactivated is told only to whoever gives its right password.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<UserAccount> signIn,
    UserManager<UserAccount> users,
    AttemptLimiter limiter,
    AccountLimits limits,
    SignInDevices devices,
    StandInPassword standIn)
{
    public async Task<SignInResult> SignInAsync(HttpContext http, string userName, string password, CancellationToken ct)
    {
        userName = userName.Trim();
        var name = users.NormalizeName(userName) ?? "";
        var device = devices.DeviceOf(http, name);
        var address = AccountLimits.AddressOf(http);
        var (policy, subject) = device is null ? (limits.SignInAccount, name) : (limits.SignInDevice, device);
        if (device is null && await limiter.CheckAsync(limits.SignInAddress, address, ct) is { Allowed: false } fromAddress)
        {
            return new(SignInOutcome.Waiting, fromAddress.Wait);
        }
        var taken = await limiter.TryTakeAsync(policy, subject, ct);
        if (!taken.Allowed)
        {
            return new(SignInOutcome.Waiting, taken.Wait);
        }

        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        var right = user is null
            ? standIn.Check(password)
            : (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded;
        if (!right)
        {
            var wait = taken.Wait;
            if (device is null)
            {
                var counted = await limiter.CountAsync(limits.SignInAddress, address, ct);
                wait = counted.Wait > wait ? counted.Wait : wait;
            }
            return new(SignInOutcome.WrongPassword, wait);
        }
        await limiter.ForgetAsync(policy, subject, ct);
        if (!user!.IsActive)
        {
            return new(SignInOutcome.Deactivated, TimeSpan.Zero);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        devices.Remember(http, name, device);
        return new(SignInOutcome.SignedIn, TimeSpan.Zero, user);
    }
}

/// <summary>
/// A hash made once per process with the app's own password hasher (so with its iterations): checking a password
/// against it costs what checking a real account's costs. It never matches.
/// </summary>
public sealed class StandInPassword(IPasswordHasher<UserAccount> hasher)
{
    private static string? s_hash;

    public bool Check(string password)
    {
        s_hash ??= hasher.HashPassword(new UserAccount(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(new UserAccount(), s_hash, password);
        return false;
    }
}
