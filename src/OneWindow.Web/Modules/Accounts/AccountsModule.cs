using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>
/// Accounts: signing in and up, the one-time codes that prove a phone, the limits on guessing them, and the center
/// administrator's tool that detaches an ID number from an account with no right to it (ADR 0015).
/// </summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddSingleton<AttemptLimiter>()
            .AddSingleton<AccountLimits>()
            .AddSingleton<SignInDevices>()
            .AddScoped<StandInPassword>()
            .AddScoped<PasswordSignIn>()
            .AddScoped<PhoneCodes>()
            .AddScoped<MyPhone>()
            .AddScoped<Calendar.IStaffPlaces, StaffPlaces>()
            .AddScoped<IdentityNumberHolders>()
            .PublicPages("/Accounts/Public")
            .AuthorizePages("/Accounts/My", Policies.Applicant)
            .AuthorizePages("/Accounts/Admin", Policies.CenterAdmin);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app) => app.MapMyPhoneApi().MapIdentityNumbersApi();
}
