using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>Accounts: signing in and up, the one-time codes that prove a phone, and the limits on guessing them (ADR 0015).</summary>
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
            .PublicPages("/Accounts/Public")
            .AuthorizePages("/Accounts/My", Policies.Applicant);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app) => app.MapMyPhoneApi();
}
