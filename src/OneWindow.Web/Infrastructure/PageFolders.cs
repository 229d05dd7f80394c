using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// How a module says who may open the pages of each of its audience folders (<c>/Cases/Workbench</c>,
/// <c>/Cases/Public</c> …). Every page is behind a policy or public by its folder; EndpointAuthorizationTests fails
/// on a page that is neither, so a new page cannot go public by omission.
/// </summary>
public static class PageFolders
{
    public static IServiceCollection AuthorizePages(this IServiceCollection services, string folder, string policy) =>
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder(folder, policy));

    public static IServiceCollection PublicPages(this IServiceCollection services, string folder) =>
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToFolder(folder));
}
