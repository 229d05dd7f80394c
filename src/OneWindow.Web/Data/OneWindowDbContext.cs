using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Infrastructure;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Domain.Supervision;

namespace OneWindow.Web.Data;

/// <remarks>
/// Pooled (<c>AddDbContextPool</c>): a request leases a context instead of building one, so it takes only its
/// options; the SQLite write gate and the record keys, singletons, come from the application's services those
/// options carry.
/// </remarks>
public sealed class OneWindowDbContext(DbContextOptions<OneWindowDbContext> options)
    : IdentityDbContext<UserAccount>(options)
{
    private readonly SqliteWriteGate? writeGate = options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
        ?.ApplicationServiceProvider?.GetService<SqliteWriteGate>();


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
        // Each module maps its own entities (IEntityTypeConfiguration classes in its folder).
        builder.ApplyConfigurationsFromAssembly(typeof(OneWindowDbContext).Assembly);

        builder.Entity<UserAccount>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.IdentityNumber).HasMaxLength(18);
            b.HasIndex(u => new { u.VenueId, u.DepartmentId });
            // Not unique: nothing proves an ID number at sign-up, so one account naming it must not keep its real owner
            // from signing up (schema 0018). Window cases need the ID number and the verified phone (ADR 0015).
            b.HasIndex(u => u.IdentityNumber);
        });

        builder.Entity<Region>(b =>
        {
            b.HasKey(r => r.Code);
            b.Property(r => r.Code).HasMaxLength(12);
            b.Property(r => r.ParentCode).HasMaxLength(12);
            b.Property(r => r.Name).HasMaxLength(100);
            b.HasIndex(r => new { r.ParentCode, r.Code });
        });
        builder.Entity<Venue>(b =>
        {
            b.Property(v => v.Name).HasMaxLength(100);
            b.Property(v => v.RegionCode).HasMaxLength(12);
            b.HasIndex(v => v.RegionCode);
        });
        builder.Entity<Department>(b =>
        {
            b.Property(d => d.Name).HasMaxLength(100);
            b.Property(d => d.CreditCode).HasMaxLength(18);
            b.Property(d => d.RegionCode).HasMaxLength(12);
            b.HasIndex(d => d.CreditCode).IsUnique();
            b.HasIndex(d => new { d.RegionCode, d.SortOrder });
        });
        builder.Entity<Window>(b =>
        {
            b.Property(w => w.Number).HasMaxLength(20);
            b.Property(w => w.Name).HasMaxLength(100);
            b.HasIndex(w => new { w.VenueId, w.Number }).IsUnique();
            b.HasIndex(w => w.DepartmentId);
        });
        builder.Entity<WindowItemAuthorization>(b =>
        {
            b.HasKey(a => new { a.WindowId, a.ItemCode });
            b.Property(a => a.ItemCode).HasMaxLength(40);
            b.HasIndex(a => a.ItemCode);
        });
        builder.Entity<StaffItemAuthorization>(b =>
        {
            b.HasKey(a => new { a.UserId, a.ItemCode });
            b.Property(a => a.ItemCode).HasMaxLength(40);
            b.HasIndex(a => a.ItemCode);
        });

        builder.Entity<ServiceItem>(b =>
        {
            b.Property(i => i.Code).HasMaxLength(40);
            b.HasIndex(i => i.Code).IsUnique();
            b.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
            b.Navigation(i => i.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Ignore(i => i.Published);
            b.Ignore(i => i.Draft);
        });
        builder.Entity<ServiceItemVersion>(b =>
        {
            b.Property(v => v.ItemCode).HasMaxLength(40);
            b.Property(v => v.Name).HasMaxLength(200);
            b.Property(v => v.SearchText).HasMaxLength(2000);
            b.Property(v => v.ThemesText).HasMaxLength(400);
            b.Property(v => v.ChangeNote).HasMaxLength(400);
            b.Property(v => v.Revision).IsConcurrencyToken();
            b.Property(v => v.Guide).HasConversion(JsonConverter<ServiceGuide>()).Metadata.SetValueComparer(JsonComparer<ServiceGuide>());
            b.HasIndex(v => new { v.ServiceItemId, v.VersionNumber }).IsUnique();
            // A guide and its history are looked up by code (the public's key), newest version first.
            b.HasIndex(v => new { v.ItemCode, v.VersionNumber }).IsUnique();
            // The portal lists published versions by code, optionally by department or type: keyset on ItemCode.
            b.HasIndex(v => new { v.Status, v.ItemCode });
            b.HasIndex(v => new { v.Status, v.DepartmentId, v.ItemCode });
        });
        builder.Entity<CombinedItem>(b =>
        {
            b.Property(c => c.Code).HasMaxLength(40);
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.Description).HasMaxLength(2000);
            b.Property(c => c.Revision).IsConcurrencyToken();
            b.Property(c => c.MemberCodes).HasConversion(JsonConverter<IReadOnlyList<string>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<string>>());
            b.Property(c => c.MemberCodes).HasMaxLength(2000);
            b.Property(c => c.Themes).HasConversion(JsonConverter<IReadOnlyList<string>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<string>>());
            b.HasIndex(c => c.Code).IsUnique();
            b.HasIndex(c => new { c.Status, c.Code });
        });
        builder.Entity<SpecialDayEntry>(b =>
        {
            b.Property(d => d.RegionCode).HasMaxLength(12);
            b.Property(d => d.Name).HasMaxLength(100);
            b.HasIndex(d => new { d.RegionCode, d.Date }).IsUnique();
        });
        builder.Entity<AuditEntry>(b =>
        {
            b.Property(a => a.EntityType).HasMaxLength(60);
            b.Property(a => a.EntityKey).HasMaxLength(100);
            b.Property(a => a.Action).HasMaxLength(60);
            b.Property(a => a.Details).HasMaxLength(4000);
            b.HasIndex(a => new { a.EntityType, a.EntityKey, a.Id });
            b.HasIndex(a => a.At);
        });

        ConfigureCases(builder);
        ConfigureSupervision(builder);
        ConfigureCalendarChanges(builder);
        builder.Entity<DataProtectionKeyRow>(b =>
        {
            b.ToTable("DataProtectionKeys");
            b.Property(k => k.FriendlyName).HasMaxLength(200);
            b.Property(k => k.Xml).HasMaxLength(8000);
        });

        ConfigureAccounts(builder);

        builder.Entity<StoredFile>(b =>
        {
            b.Property(f => f.FileName).HasMaxLength(200);
            b.Property(f => f.ContentType).HasMaxLength(100);
            b.Property(f => f.Sha256).HasMaxLength(64);
            b.Property(f => f.Purpose).HasMaxLength(40);
        });

        if (Database.IsNpgsql())
        {
            // Codes are paged by key and compared with '>': give them the byte-order collation so that ordering and
            // comparison agree with ordinal order whatever the database's default collation is.
            builder.Entity<ServiceItem>().Property(i => i.Code).UseCollation("C");
            builder.Entity<ServiceItemVersion>().Property(v => v.ItemCode).UseCollation("C");
            builder.Entity<CombinedItem>().Property(c => c.Code).UseCollation("C");
            builder.Entity<Region>().Property(r => r.Code).UseCollation("C");
            builder.Entity<Venue>().Property(v => v.RegionCode).UseCollation("C");
        }

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

    private static void ConfigureAccounts(ModelBuilder builder)
    {
        builder.Entity<Attempt>(b =>
        {
            b.HasKey(a => a.Key);
            b.Property(a => a.Key).HasMaxLength(80);
            b.Property(a => a.Revision).IsConcurrencyToken();
            // Forgotten counts are cleared by the instant they were forgotten.
            b.HasIndex(a => a.ForgetAt);
        });
        builder.Entity<OneTimeCode>(b =>
        {
            b.Property(c => c.Phone).HasMaxLength(20);
            b.Property(c => c.UserId).HasMaxLength(450);
            b.Property(c => c.Salt).HasMaxLength(32);
            b.Property(c => c.Hash).HasMaxLength(64);
            // The newest code for a phone and purpose; expired codes cleared by expiry.
            b.HasIndex(c => new { c.Phone, c.Purpose, c.CreatedAt });
            b.HasIndex(c => c.ExpiresAt);
        });
    }

    private static void ConfigureCases(ModelBuilder builder)
    {
        builder.Entity<Case>(b =>
        {
            b.Property(c => c.Number).HasMaxLength(40);
            b.Property(c => c.ItemCode).HasMaxLength(40);
            b.Property(c => c.ItemName).HasMaxLength(200);
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.LastEventHash).HasMaxLength(64);
            b.Property(c => c.Clocks.ExtensionReason).HasMaxLength(1000);
            b.Property(c => c.Decision.Reason).HasMaxLength(2000);
            b.Property(c => c.ClosingReason).HasMaxLength(2000);
            b.Property(c => c.Decision.ResultNumber).HasMaxLength(60);
            b.Property(c => c.Delivery.Reference).HasMaxLength(60);
            b.Property(c => c.Revision).IsConcurrencyToken();
            b.Property(c => c.Applicant.Name).HasMaxLength(100);
            b.Property(c => c.Applicant.IdentityNumber).HasMaxLength(18);
            b.Property(c => c.Applicant.Phone).HasMaxLength(20);
            b.Ignore(c => c.Applicant);
            b.Property(c => c.MissingMaterials).HasConversion(JsonConverter<IReadOnlyList<string>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<string>>());
            b.Property(c => c.Clocks.Pauses).HasConversion(JsonConverter<IReadOnlyList<ClockPause>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<ClockPause>>());
            b.Property(c => c.Nodes).HasConversion(JsonConverter<IReadOnlyList<CaseNode>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<CaseNode>>());
            b.Property(c => c.Payment.Fees).HasConversion(JsonConverter<IReadOnlyList<CaseFee>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<CaseFee>>());
            b.Property(c => c.Payment.PaidAmount).HasPrecision(12, 2);
            b.Property(c => c.Payment.ReceiptNumber).HasMaxLength(60);
            b.Property(c => c.Payment.DifferenceReason).HasMaxLength(1000);
            b.Ignore(c => c.StandardFeeTotal);
            b.Ignore(c => c.OwesFees);
            b.Ignore(c => c.NewEvents);
            b.Ignore(c => c.CurrentNode);
            b.Ignore(c => c.IsOpen);
            b.Ignore(c => c.DecisionNodeIndex);
            b.HasIndex(c => c.Number).IsUnique();
            // Sweeps take the cases whose next deadline has come, oldest first.
            b.HasIndex(c => new { c.NextDeadlineAt, c.Id });
            // Inboxes: a department's, a venue's or a person's open cases by due date, paged by (InboxDueAt, Id). Partial
            // indexes over the open cases alone: they stay the size of the work in hand however many years of concluded
            // cases the table holds, and SQLite can use them for the bare "Open" test EF writes (it cannot use a
            // leading "Open" column for it). See ADR 0011.
            b.HasIndex(c => new { c.DepartmentId, c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
            b.HasIndex(c => new { c.ReceivingVenueId, c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
            b.HasIndex(c => new { c.AssigneeId, c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
            b.Property(c => c.AssigneeId).HasMaxLength(450);
            b.Property(c => c.AssigneeName).HasMaxLength(100);
            b.HasIndex(c => new { c.Applicant.IdentityNumber, c.CreatedAt });
            b.Property(c => c.ApplicantUserId).HasMaxLength(450);
            b.Property(c => c.PreReviewNote).HasMaxLength(2000);
            b.Property(c => c.PartVersionIds).HasConversion(JsonConverter<IReadOnlyList<Guid>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<Guid>>());
            b.Property(c => c.Parts).HasConversion(JsonConverter<IReadOnlyList<JointPart>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<JointPart>>());
            b.Ignore(c => c.IsDraftNumber);
            b.Ignore(c => c.IsPart);
            b.Ignore(c => c.PinnedVersionIds);
            b.Ignore(c => c.DefaultExtension);
            // An applicant's own applications, newest first; a joint case's parts.
            b.HasIndex(c => new { c.ApplicantUserId, c.CreatedAt, c.Id });
            b.HasIndex(c => c.ParentCaseId);
            // The supervision dashboard, each figure read from an index alone: open cases by state and department (and
            // the overdue among them), the busiest items; today's intake by department and window and conclusions. The
            // first also pages the drill-down filtered by state (and department) in its keyset order.
            b.HasIndex(c => new { c.Status, c.DepartmentId, c.InboxDueAt, c.Id, c.Clocks.PromisedDueAt, c.Open }, "IX_Cases_OpenFigures").HasFilter(OpenFilter);
            b.HasIndex(c => new { c.ItemCode, c.ItemName, c.Open }, "IX_Cases_OpenItems").HasFilter(OpenFilter);
            b.HasIndex(c => new { c.ReceivedAt, c.ParentCaseId, c.DepartmentId, c.ReceivingWindowId }, "IX_Cases_ReceivedFigures");
            b.HasIndex(c => new { c.ConcludedAt, c.Status, c.ParentCaseId, c.DepartmentId, c.Decision.DecidedAt, c.Clocks.PromisedDueAt }, "IX_Cases_ConcludedFigures");
            // A reported certificate is checked against the case issued under its number.
            b.HasIndex(c => c.Decision.ResultNumber);
            // The supervisors' drill-down: every open case by due date.
            b.HasIndex(c => new { c.InboxDueAt, c.Id }).HasFilter(OpenFilter);
            // A calendar change recounts the open cases by key (ADR 0014).
            b.HasIndex(c => c.Id, "IX_Cases_OpenById").HasFilter(OpenFilter);
        });
        builder.Entity<CaseFile>(b =>
        {
            b.Property(f => f.MaterialName).HasMaxLength(200);
            b.Property(f => f.FileName).HasMaxLength(200);
            b.Property(f => f.Sha256).HasMaxLength(64);
            b.Property(f => f.UploadedBy).HasMaxLength(100);
            b.HasIndex(f => new { f.CaseId, f.UploadedAt });
        });
        builder.Entity<CaseEvent>(b =>
        {
            b.Property(e => e.ActorId).HasMaxLength(100);
            b.Property(e => e.ActorName).HasMaxLength(100);
            b.Property(e => e.ActorRole).HasMaxLength(40);
            b.Property(e => e.Action).HasMaxLength(40);
            b.Property(e => e.Node).HasMaxLength(100);
            b.Property(e => e.Opinion).HasMaxLength(4000);
            b.Property(e => e.Data).HasMaxLength(8000);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.Property(e => e.KeyId).HasMaxLength(40);
            b.Ignore(e => e.IsSealed);
            b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
            // The events written before record keys existed, until the upgrade seals them (ADR 0017).
            b.HasIndex(e => e.CaseId, "IX_CaseEvents_CaseId_Unsealed").HasFilter("\"KeyId\" IS NULL");
            b.HasIndex(e => e.At);
        });
        builder.Entity<Rating>(b =>
        {
            b.Property(r => r.CaseNumber).HasMaxLength(40);
            b.Property(r => r.Comment).HasMaxLength(500);
            b.Property(r => r.CallbackNote).HasMaxLength(1000);
            b.Property(r => r.RectificationNote).HasMaxLength(1000);
            b.Property(r => r.AppealReason).HasMaxLength(1000);
            b.Property(r => r.AppealReview).HasMaxLength(1000);
            b.Property(r => r.HandledBy).HasMaxLength(100);
            b.Property(r => r.Revision).IsConcurrencyToken();
            b.Ignore(r => r.IsBad);
            // One rating per case and channel; a department's open rectifications by due date.
            b.HasIndex(r => new { r.CaseId, r.Channel }).IsUnique();
            b.HasIndex(r => new { r.DepartmentId, r.Rectification, r.RectificationDueAt, r.Id });
            b.HasIndex(r => new { r.Rectification, r.RatedAt });
        });
        builder.Entity<CaseNumberCounter>(b =>
        {
            b.HasKey(c => c.Prefix);
            b.Property(c => c.Prefix).HasMaxLength(30);
        });
    }

    private static void ConfigureSupervision(ModelBuilder builder)
    {
        builder.Entity<SupervisionAlert>(b =>
        {
            b.Property(a => a.Key).HasMaxLength(120);
            b.Property(a => a.SubjectNumber).HasMaxLength(SupervisedSubject.MaxNumberLength);
            b.Property(a => a.SubjectTitle).HasMaxLength(SupervisedSubject.MaxTitleLength);
            b.Property(a => a.RegionCode).HasMaxLength(12);
            b.Property(a => a.HandlerId).HasMaxLength(450);
            b.Property(a => a.HandlerName).HasMaxLength(100);
            b.Property(a => a.Detail).HasMaxLength(1000);
            b.Property(a => a.ResponseText).HasMaxLength(2000);
            b.Property(a => a.RespondedBy).HasMaxLength(100);
            b.Property(a => a.ReviewNote).HasMaxLength(2000);
            b.Property(a => a.ClosedBy).HasMaxLength(100);
            b.Property(a => a.History).HasConversion(JsonConverter<IReadOnlyList<AlertEntry>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<AlertEntry>>());
            b.Property(a => a.History).HasMaxLength(20000);
            b.Property(a => a.Revision).IsConcurrencyToken();
            b.Ignore(a => a.IsOpen);
            b.Ignore(a => a.Subject);
            b.Ignore(a => a.CaseId);
            b.Ignore(a => a.CaseNumber);
            b.Ignore(a => a.ItemName);
            // Exactly once per rule and key (the subject or a part of it), whichever instance or action raises it.
            b.HasIndex(a => new { a.Rule, a.Key }).IsUnique();
            // A subject's alerts; a department's open alerts newest first; the supervisors' list; escalation sweep.
            b.HasIndex(a => new { a.SubjectKind, a.SubjectId, a.RaisedAt });
            b.HasIndex(a => new { a.DepartmentId, a.Status, a.RaisedAt, a.Id });
            b.HasIndex(a => new { a.Status, a.RaisedAt, a.Id });
            b.HasIndex(a => new { a.RaisedAt, a.Id });
            b.HasIndex(a => new { a.EscalateAt, a.Id });
            b.HasIndex(a => a.NoticeId);
        });
        builder.Entity<SupervisionNotice>(b =>
        {
            b.Property(n => n.Number).HasMaxLength(40);
            b.Property(n => n.RegionCode).HasMaxLength(12);
            b.Property(n => n.SubjectNumber).HasMaxLength(SupervisedSubject.MaxNumberLength);
            b.Property(n => n.Title).HasMaxLength(200);
            b.Property(n => n.Requirement).HasMaxLength(2000);
            b.Property(n => n.IssuedBy).HasMaxLength(100);
            b.Property(n => n.Reply).HasMaxLength(2000);
            b.Property(n => n.RepliedBy).HasMaxLength(100);
            b.Property(n => n.CloseNote).HasMaxLength(2000);
            b.Property(n => n.ClosedBy).HasMaxLength(100);
            b.Property(n => n.Revision).IsConcurrencyToken();
            b.Ignore(n => n.RepliedLate);
            b.Ignore(n => n.CaseId);
            b.Ignore(n => n.CaseNumber);
            b.HasIndex(n => n.Number).IsUnique();
            // The sweep: notices still awaiting a reply whose date has passed; a department's notices; all, newest first; a subject's.
            b.HasIndex(n => new { n.Status, n.ReplyDueAt, n.Id });
            b.HasIndex(n => new { n.DepartmentId, n.IssuedAt, n.Id });
            b.HasIndex(n => new { n.IssuedAt, n.Id });
            b.HasIndex(n => new { n.SubjectKind, n.SubjectId });
        });
        builder.Entity<SupervisionWatch>(b =>
        {
            b.HasKey(w => new { w.SubjectKind, w.SubjectId });
            // The sweep reads the due watches oldest first, whatever their kind.
            b.HasIndex(w => new { w.DueAt, w.SubjectKind, w.SubjectId });
            // The sweep moves a watch only if no action has reset it since the subject was read.
            b.Property(w => w.Revision).IsConcurrencyToken();
        });
        builder.Entity<SupervisionRuleSetting>(b =>
        {
            b.Property(s => s.ScopeKey).HasMaxLength(40);
            b.Property(s => s.UpdatedBy).HasMaxLength(100);
            b.Property(s => s.Threshold).HasPrecision(12, 2);
            b.HasIndex(s => new { s.Rule, s.Scope, s.ScopeKey }).IsUnique();
        });
        builder.Entity<EfficiencyComplaint>(b =>
        {
            b.Property(c => c.TrackingCode).HasMaxLength(12);
            b.Property(c => c.CaseNumber).HasMaxLength(40);
            b.Property(c => c.Target).HasMaxLength(200);
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.Content).HasMaxLength(2000);
            b.Property(c => c.ComplainantName).HasMaxLength(100);
            b.Property(c => c.ComplainantPhone).HasMaxLength(20);
            b.Property(c => c.RefusalReason).HasMaxLength(1000);
            b.Property(c => c.Findings).HasMaxLength(2000);
            b.Property(c => c.ReplyToComplainant).HasMaxLength(2000);
            b.Property(c => c.HandledBy).HasMaxLength(100);
            b.Property(c => c.Revision).IsConcurrencyToken();
            b.HasIndex(c => c.TrackingCode).IsUnique();
            // The supervisors' list by status, newest first; a department's complaints for the assessment.
            b.HasIndex(c => new { c.Status, c.FiledAt, c.Id });
            b.HasIndex(c => new { c.FiledAt, c.Id });
            b.HasIndex(c => new { c.DepartmentId, c.ConcludedAt });
        });
        builder.Entity<IssuedCertificate>(b =>
        {
            b.Property(c => c.Number).HasMaxLength(60);
            b.Property(c => c.ItemCode).HasMaxLength(40);
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.HolderName).HasMaxLength(100);
            b.Property(c => c.CaseNumber).HasMaxLength(40);
            b.Property(c => c.ReportedBy).HasMaxLength(100);
            // One report per certificate number; a department's reports by date.
            b.HasIndex(c => c.Number).IsUnique();
            b.HasIndex(c => new { c.DepartmentId, c.IssuedAt });
        });
        builder.Entity<DailyCaseCount>(b => b.HasKey(d => d.Day));
        builder.Entity<RecordKeyId>(b => b.Property(k => k.Id).HasMaxLength(40));
    }

    private static void ConfigureCalendarChanges(ModelBuilder builder)
    {
        builder.Entity<HolidayNotice>(b =>
        {
            b.HasKey(n => n.Year);
            b.Property(n => n.Year).ValueGeneratedNever();
            b.Property(n => n.Reference).HasMaxLength(200);
            b.Property(n => n.LoadedBy).HasMaxLength(100);
        });
        builder.Entity<CalendarChange>(b =>
        {
            b.Property(c => c.Description).HasMaxLength(400);
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.CreatedBy).HasMaxLength(100);
            b.Property(c => c.Stage).HasMaxLength(40);
            b.Property(c => c.After).HasMaxLength(100);
            // The changes newest first; the recount's next change; each instance's check for a change made elsewhere.
            b.HasIndex(c => new { c.CreatedAt, c.Id });
        });
        builder.Entity<CalendarChangeEntry>(b =>
        {
            b.Property(e => e.RecordKind).HasMaxLength(40);
            b.Property(e => e.Number).HasMaxLength(40);
            b.Property(e => e.Title).HasMaxLength(200);
            b.Property(e => e.ApplicantName).HasMaxLength(100);
            b.Property(e => e.ApplicantPhone).HasMaxLength(20);
            b.Property(e => e.Moves).HasConversion(JsonConverter<IReadOnlyList<DueDateMove>>()).Metadata.SetValueComparer(ImmutableComparer<IReadOnlyList<DueDateMove>>());
            b.Property(e => e.Moves).HasMaxLength(4000);
            // A change's list, in the order the recount found them; a department's slice; the applicants still to tell.
            b.HasIndex(e => new { e.ChangeId, e.Id });
            b.HasIndex(e => new { e.DepartmentId, e.ChangeId, e.Id });
            b.HasIndex(e => e.Id).HasFilter("\"Told\" IS NULL").HasDatabaseName("IX_CalendarChangeEntries_Untold");
        });
    }

    /// <summary>The filter of the partial indexes over open cases; the same SQL on SQLite and PostgreSQL.</summary>
    internal const string OpenFilter = "\"Open\"";

    private static ValueConverter<T, string> JsonConverter<T>() => new(
        v => JsonSerializer.Serialize(v, DocumentJson),
        s => JsonSerializer.Deserialize<T>(s, DocumentJson)!);

    /// <summary>
    /// For documents of immutable records that the domain replaces, never edits in place (a case's nodes, pauses,
    /// fees and parts, an alert's history): the snapshot is the reference itself, and an unchanged reference is equal
    /// without serializing. Saves EF two serializations per document per tracked case and save.
    /// </summary>
    private static ValueComparer<T> ImmutableComparer<T>() where T : class => new(
        (a, b) => ReferenceEquals(a, b) || JsonSerializer.Serialize(a, DocumentJson) == JsonSerializer.Serialize(b, DocumentJson),
        v => JsonSerializer.Serialize(v, DocumentJson).GetHashCode(StringComparison.Ordinal),
        v => v);

    private static ValueComparer<T> JsonComparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, DocumentJson) == JsonSerializer.Serialize(b, DocumentJson),
        v => JsonSerializer.Serialize(v, DocumentJson).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, DocumentJson), DocumentJson)!);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
