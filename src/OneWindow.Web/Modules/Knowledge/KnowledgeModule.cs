using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>
/// 知识库: the questions callers ask and the answers the hotline gives, per category, department and service item,
/// versioned, owned and reviewed; searched from the operator's desk together with the catalog's guides (ADR 0029).
/// </summary>
public static class KnowledgeModule
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services) =>
        services.AddScoped<WriteKnowledge>().AddScoped<CreateEntry>().AddScoped<EditEntry>().AddScoped<WithdrawEntry>().AddScoped<UseEntry>()
            .AddScoped<IndexGuides>().AddScoped<Catalog.IGuideHook>(sp => sp.GetRequiredService<IndexGuides>())
            .AuthorizePages("/Knowledge/Staff", Policies.HotlineWork);

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        KnowledgeApi.Map(app);
        return app;
    }
}
