using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Audit;

/// <summary>审计: the log of who changed or looked at what (every module writes to it in its own unit of work), and its page.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AuthorizePages("/Audit/Admin", Policies.CenterAdmin);

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app) => app;
}
