using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// How much anyone may send (settings <c>Uploads:*</c>): the size of one request, checked before it is read (by
/// Content-Length in <see cref="InputGuards"/>, by Kestrel for a chunked body, and by the form reader); the files in
/// one intake, save or submission, the same at the window and online; and each applicant's quota over the
/// applications still in their hands (Modules/Applicants/UploadQuota).
/// </summary>
public sealed class UploadLimits
{
    /// <summary>A whole request (a form with its files, or JSON with Base64 files): beyond it 413.</summary>
    public int MaxRequestMegabytes { get; set; } = 30;

    /// <summary>Files in one intake at the window, one save or submission online, one supplement.</summary>
    public int MaxFilesPerUpload { get; set; } = 20;

    /// <summary>Files one online application may hold, whatever the number of saves.</summary>
    public int MaxFilesPerCase { get; set; } = 40;

    /// <summary>What an applicant's drafts and returned submissions (still in their hands) may hold together.</summary>
    public int MaxMegabytesPerApplicant { get; set; } = 200;

    /// <summary>Drafts an applicant may keep unsubmitted at once.</summary>
    public int MaxOpenDrafts { get; set; } = 10;

    /// <summary>Applications an applicant may start in 24 hours, whether kept, submitted or discarded since.</summary>
    public int MaxDraftsPerDay { get; set; } = 20;

    /// <summary>Files an applicant may upload in 24 hours, whatever became of the applications they went to.</summary>
    public int MaxFilesPerApplicantPerDay { get; set; } = 200;

    /// <summary>Megabytes an applicant may upload in 24 hours, whatever became of the applications they went to.</summary>
    public int MaxMegabytesPerApplicantPerDay { get; set; } = 500;

    public long MaxRequestBytes => Math.Max(1, MaxRequestMegabytes) * 1024L * 1024L;

    public long MaxBytesPerApplicant => Math.Max(1, MaxMegabytesPerApplicant) * 1024L * 1024L;

    public long MaxBytesPerApplicantPerDay => Math.Max(1, MaxMegabytesPerApplicantPerDay) * 1024L * 1024L;
}

public static class UploadLimitsSetup
{
    public static IServiceCollection AddUploadLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Uploads");
        services.Configure<UploadLimits>(section);
        var limits = section.Get<UploadLimits>() ?? new UploadLimits();
        // The same bound for a body without Content-Length (Kestrel stops reading it) and for the form reader.
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxRequestBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = limits.MaxRequestBytes);
        return services;
    }
}
