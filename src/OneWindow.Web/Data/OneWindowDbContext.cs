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
/// one, so it takes only its options; the SQLite write gate and the record keys, singletons, come from the application's
/// services those options carry.
/// </remarks>
public sealed class OneWindowDbContext(DbContextOptions<OneWindowDbContext> options)
    : IdentityDbContext<UserAccount>(options)
{
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

    // Set while this context holds the write gate: for a unit of work, a SaveChanges, or one writing statement.
    private bool _holdsWriteGate;
    private IDisposable? _commandHold;

    /// <summary>
    /// Holds the SQLite write gate for a unit of several statements (the write unit takes it around its transaction);
    /// SaveChanges and writing statements inside it do not take it again. On PostgreSQL it holds nothing.
    /// </summary>
    public async Task<IDisposable?> EnterWriteGateAsync(CancellationToken cancellationToken)
    {
        if (writeGate is null || _holdsWriteGate || !Database.IsSqlite())
        {
            return null;
        }
        var held = await writeGate.EnterAsync(cancellationToken);
        _holdsWriteGate = true;
        return new GateHold(this, held);
    }

    private IDisposable? EnterWriteGate()
    {
        if (writeGate is null || _holdsWriteGate || !Database.IsSqlite())
        {
            return null;
        }
        var held = writeGate.Enter();
        _holdsWriteGate = true;
        return new GateHold(this, held);
    }

    /// <summary>A writing statement outside a unit of work (ExecuteUpdate, ExecuteDelete, raw SQL) queues on the gate for itself.</summary>
    internal async Task HoldGateForCommandAsync(System.Data.Common.DbCommand command, bool writes, CancellationToken ct)
    {
        if (writes && RefuseOrNeedGate(command))
        {
            _commandHold = await EnterWriteGateAsync(ct);
        }
    }

    internal void HoldGateForCommand(System.Data.Common.DbCommand command, bool writes)
    {
        if (writes && RefuseOrNeedGate(command))
        {
            _commandHold = EnterWriteGate();
        }
    }

    internal void ReleaseCommandGate()
    {
        var hold = _commandHold;
        _commandHold = null;
        hold?.Dispose();
    }

    private bool RefuseOrNeedGate(System.Data.Common.DbCommand command)
    {
        if (writeGate is null || _holdsWriteGate)
        {
            return false;
        }
        if (command.Transaction is not null)
        {
            throw new InvalidOperationException("A write inside a transaction that was not begun under the write gate: write through WriteUnit.");
        }
        return true;
    }

    /// <summary>Released once: a writer may open the gate before its scope ends.</summary>
    private sealed class GateHold(OneWindowDbContext context, IDisposable held) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                context._holdsWriteGate = false;
                held.Dispose();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var _ = EnterWriteGate();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // SQLite has one writer; queueing here avoids the long tails of its busy-retry under concurrent writers.
        using var _ = await EnterWriteGateAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves inside the caller's transaction without EF's savepoint around the save: for a unit of work that is
    /// undone as a whole when the save fails, where the savepoint would be two statements for nothing.
    /// </summary>
    public async Task SaveAllOrNothingAsync(CancellationToken cancellationToken)
    {
        Database.AutoSavepointsEnabled = false;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Database.AutoSavepointsEnabled = true;
        }
    }

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
