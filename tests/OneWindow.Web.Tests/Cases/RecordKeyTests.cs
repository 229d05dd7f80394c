using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Records;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>Where the record keys come from at start, and the upgrade that seals records written before them.</summary>
public sealed class RecordKeyTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onewindow-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_fresh_install_makes_its_first_key_outside_the_database_and_records_only_its_id()
    {
        using var database = new TestDatabase();
        await using var db = Context(database);
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();
        var store = Store();

        await Check(db, store).RunAsync(CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder, "*.key"));
        var id = Path.GetFileNameWithoutExtension(file);
        Assert.Equal(id, store.Ring.CurrentKeyId);
        Assert.Equal(RecordKeyRing.KeyBytes, Convert.FromBase64String(await File.ReadAllTextAsync(file)).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        Assert.Equal([id], await db.RecordKeyIds.Select(k => k.Id).ToListAsync());
    }

    [Fact]
    public async Task An_instance_without_a_key_the_records_are_sealed_with_refuses_to_start()
    {
        _ = app.Services; // the app's database: its records are sealed with the test key
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Directory.CreateDirectory(_folder);
            await File.WriteAllTextAsync(Path.Combine(_folder, "k-other.key"), Convert.ToBase64String(RecordKeyRing.NewKey()));
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Check(db, Store()).RunAsync(CancellationToken.None));
            Assert.Contains(TestRecordKeys.Id, refused.Message, StringComparison.Ordinal);
            Assert.Contains(_folder, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Records_written_before_keys_are_sealed_on_upgrade_unless_their_plain_chain_was_broken()
    {
        var clerk = await app.SignedInOnce("clerk.mz");
        var sound = (await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "旧记录"), "accept", new { })).Number;
        var broken = (await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "旧记录"), "accept", new { })).Number;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            // As the code before record keys wrote them: no key id, plain SHA-256 chained over the one before.
            foreach (var number in new[] { sound, broken })
            {
                var c = await db.Cases.SingleAsync(x => x.Number == number);
                var head = EventChain.GenesisHash;
                foreach (var e in await db.CaseEvents.Where(x => x.CaseId == c.Id).OrderBy(x => x.Sequence).ToListAsync())
                {
                    var entry = db.Entry(e);
                    entry.Property(x => x.KeyId).CurrentValue = null;
                    entry.Property(x => x.PreviousHash).CurrentValue = head;
                    head = e.LegacyHash();
                    entry.Property(x => x.Hash).CurrentValue = head;
                }
                db.Entry(c).Property(x => x.LastEventHash).CurrentValue = head;
            }
            await db.SaveChangesAsync();
            // One of them was tampered with before the upgrade: an opinion changed without recomputing its hash.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"CaseEvents\" SET \"Opinion\" = {"改过"} WHERE \"Sequence\" = 1 AND \"CaseId\" = (SELECT \"Id\" FROM \"Cases\" WHERE \"Number\" = {broken})");
            db.ChangeTracker.Clear();

            Assert.Contains("未以密钥封存", (await ReadAsync(sound)).Problem, StringComparison.Ordinal);
            var (sealedCount, brokenCount) = await scope.ServiceProvider.GetRequiredService<SealLegacyRecords>().RunAsync(TestRecordKeys.Ring, CancellationToken.None);

            Assert.Equal((1, 1), (sealedCount, brokenCount));
            Assert.True((await ReadAsync(sound)).IsIntact);
            Assert.Contains("未以密钥封存", (await ReadAsync(broken)).Problem, StringComparison.Ordinal);
            // A second start finds nothing new to seal, and the broken record stays as it was.
            Assert.Equal((0, 1), await scope.ServiceProvider.GetRequiredService<SealLegacyRecords>().RunAsync(TestRecordKeys.Ring, CancellationToken.None));
        }
    }

    private async Task<ChainVerification> ReadAsync(string number) =>
        (await (await (await app.SignedInOnce("clerk.mz")).GetAsync("/api/v1/cases/" + number)).ReadAsync<CaseView>()).Chain;

    private RecordKeyStore Store() => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RecordKeys:Path"] = _folder }).Build(),
        new TestHostEnvironment());

    private static RecordKeyCheck Check(OneWindowDbContext db, RecordKeyStore store) =>
        new(db, store, new SealLegacyRecords(db, NullLogger<SealLegacyRecords>.Instance), TimeProvider.System, NullLogger<RecordKeyCheck>.Instance);

    private static OneWindowDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        return new OneWindowDbContext(options.Options);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "OneWindow.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
