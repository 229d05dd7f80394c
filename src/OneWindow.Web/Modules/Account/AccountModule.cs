using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Account;

/// <summary>Accounts: signing in and up, the one-time codes that prove a phone, and the limits on guessing them (ADR 0015).</summary>
public static class AccountModule
{
    public static IServiceCollection AddAccountModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AttemptLimiter>();
        services.AddSingleton<AccountLimits>();
        services.AddSingleton<SignInDevices>();
        services.AddScoped<StandInPassword>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<PhoneCodes>();
        services.AddScoped<Applicants.MyPhone>();
        return services;
    }
}
