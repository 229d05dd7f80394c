using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>好差评: the public's ratings of concluded cases and the rectification of bad ones.</summary>
public static class RatingsModule
{
    public static IServiceCollection AddRatings(this IServiceCollection services) =>
        services.AddScoped<RateCase>()
            .AddScoped<ActOnRating>()
            .AddScoped<RectifyRating>()
            .AddScoped<AppealRating>()
            .AddScoped<ReviewRatingAppeal>()
            .AddScoped<Cases.ICaseSection, RatingOnCasePage>()
            .AuthorizePages("/Ratings/Workbench", Policies.Staff).PublicPages("/Ratings/Public");

    public static IEndpointRouteBuilder MapRatings(this IEndpointRouteBuilder app)
    {
        RatingsApi.Map(app);
        return app;
    }
}
