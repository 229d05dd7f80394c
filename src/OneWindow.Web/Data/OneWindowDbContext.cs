using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Data;

/// <remarks>
/// Each module maps its own entities (<c>IEntityTypeConfiguration</c> classes in its folder); the context holds the sets
/// and the conventions they share. Pooled (<c>AddDbContextPool</c>): a request leases a context instead of building
/// one, so it takes only its options; the SQLite write gate (<c>OneWindowDbContext.WriteGate.cs</c>) and the record
/// keys, singletons, come from the application's services those options carry.
/// </remarks>
public sealed partial class OneWindowDbContext(DbContextOptions<OneWindowDbContext> options)
    : IdentityDbContext<UserAccount>(options)
{
    // The write gate's members live in OneWindowDbContext.WriteGate.cs; its field is here, where the options are in scope.
    private readonly SqliteWriteGate? writeGate = options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
        ?.ApplicationServiceProvider?.GetService<SqliteWriteGate>();

    /// <summary>How JSON documents are written, in their columns (<see cref="JsonDocumentColumns"/>) and elsewhere.</summary>
    internal static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Window> Windows => Set<Window>();
    public DbSet<WindowItemAuthorization> WindowItems => Set<WindowItemAuthorization>();
    public DbSet<StaffItemAuthorization> StaffItems => Set<StaffItemAuthorization>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<ServiceItemVersion> ServiceItemVersions => Set<ServiceItemVersion>();
    public DbSet<CombinedItem> CombinedItems => Set<CombinedItem>();
    public DbSet<SpecialDayEntry> SpecialDays => Set<SpecialDayEntry>();
    public DbSet<HolidayNotice> HolidayNotices => Set<HolidayNotice>();
    public DbSet<CalendarChange> CalendarChanges => Set<CalendarChange>();
    public DbSet<CalendarChangeEntry> CalendarChangeEntries => Set<CalendarChangeEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<SupervisionAlert> SupervisionAlerts => Set<SupervisionAlert>();
    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();
    public DbSet<SupervisionWatch> SupervisionWatches => Set<SupervisionWatch>();
    public DbSet<SupervisionRuleSetting> SupervisionRuleSettings => Set<SupervisionRuleSetting>();
    public DbSet<StaffNotification> StaffNotifications => Set<StaffNotification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<EfficiencyComplaint> EfficiencyComplaints => Set<EfficiencyComplaint>();
    public DbSet<IssuedCertificate> IssuedCertificates => Set<IssuedCertificate>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();
    public DbSet<DailyCaseCount> DailyCaseCounts => Set<DailyCaseCount>();
    public DbSet<RecordKeyId> RecordKeyIds => Set<RecordKeyId>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OneWindowDbContext).Assembly);
        builder.ApplyOrdinalCodes(Database.IsNpgsql());

        // Guid keys are made by the application (version 7, time-ordered). Saying so lets EF treat a new child
        // found through a navigation (a new version of an item) as added rather than as an existing row.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var type } key] && type == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
