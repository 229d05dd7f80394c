using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Records;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// Where the record keys come from at start, and the one upgrade step that seals records written before them: at the
/// start that makes the install's first key, never again, whatever a writer to the database does afterwards.
/// </summary>
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
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        }
        Assert.Equal([id], await db.RecordKeyIds.Select(k => k.Id).ToListAsync());
        Assert.False(store.LegacySealingPending); // the one-time step is done (there was nothing to seal)
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
    public async Task Records_written_before_keys_are_sealed_on_upgrade_unless_their_plain_chain_or_their_row_does_not_check_out()
    {
        // A database as the release before record keys left it: cases with unkeyed records, no key id listed, and a
        // host that has never had a key. (The cases are made by today's app, then written back as the old code
        // wrote them: no key id, no keyed digest of the applicant, each event's plain SHA-256 over the one before.)
        using var database = new TestDatabase();
        var (sound, tampered, rowChanged) = await OldRecordsAsync(database);
        await using var db = Context(database);
        // Tampered with before the upgrade: an opinion changed without recomputing its hash; a row's state changed
        // with its count and last hash left as they were (all the old code compared).
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"CaseEvents\" SET \"Opinion\" = {"改过"} WHERE \"Sequence\" = 1 AND \"CaseId\" = (SELECT \"Id\" FROM \"Cases\" WHERE \"Number\" = {tampered})");
        var changed = await db.Cases.SingleAsync(c => c.Number == rowChanged);
        db.Entry(changed).Property(c => c.Status).CurrentValue = CaseStatus.Withdrawn;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var store = Store();
        Assert.False(store.HasKeys);

        await Check(db, store).RunAsync(CancellationToken.None);

        var keys = store.Ring;
        Assert.Equal([keys.CurrentKeyId], await db.RecordKeyIds.Select(k => k.Id).ToListAsync());
        Assert.False(store.LegacySealingPending);
        Assert.True((await VerifyAsync(db, sound, keys)).IsIntact);
        Assert.Contains("未以密钥封存", (await VerifyAsync(db, tampered, keys)).Problem, StringComparison.Ordinal);
        Assert.Contains("未以密钥封存", (await VerifyAsync(db, rowChanged, keys)).Problem, StringComparison.Ordinal);
        // Every other old record (the demo county's cases) was sound and is sealed and intact: the replay has no false alarm.
        var others = await db.Cases.AsNoTracking().Where(c => c.Number != tampered && c.Number != rowChanged).Select(c => c.Number).ToListAsync();
        Assert.Contains(sound, others);
        foreach (var number in others)
        {
            var result = await VerifyAsync(db, number, keys);
            Assert.True(result.IsIntact, $"{number}: {result.Problem}");
        }
    }

    [Fact]
    public async Task After_the_upgrade_a_record_rewritten_into_unkeyed_form_is_never_sealed_and_shows_broken()
    {
        using var database = new TestDatabase();
        var (sound, _, _) = await OldRecordsAsync(database);
        await using var db = Context(database);
        var store = Store();
        await Check(db, store).RunAsync(CancellationToken.None);
        Assert.True((await VerifyAsync(db, sound, store.Ring)).IsIntact);

        // A writer to the database (without the key) rewrites the sealed case: an opinion changed, the key ids taken
        // away, the plain chain and the row's head recomputed, and every key id the database listed deleted, as if
        // it had never had keys. Then the app restarts.
        await UnkeyAsync(db, sound, e => e.Sequence == 1 ? "改过" : e.Opinion);
        await db.RecordKeyIds.ExecuteDeleteAsync();
        db.ChangeTracker.Clear();
        var restarted = Store();
        await Check(db, restarted).RunAsync(CancellationToken.None);

        var result = await VerifyAsync(db, sound, restarted.Ring);
        Assert.False(result.IsIntact);
        Assert.Contains("未以密钥封存", result.Problem, StringComparison.Ordinal);
        var id = await db.Cases.Where(c => c.Number == sound).Select(c => c.Id).SingleAsync();
        Assert.All(await db.CaseEvents.Where(e => e.CaseId == id).Select(e => e.KeyId).ToListAsync(), Assert.Null);
    }

    [Fact]
    public async Task A_key_copied_to_the_folder_after_start_is_found_when_a_record_names_it()
    {
        // A rolling rotation: another instance seals with a new key, copied here after this instance read its keys.
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "k1.key"), Convert.ToBase64String(RecordKeyRing.NewKey()));
        var store = Store();
        var ring = store.Ring;
        var newKey = RecordKeyRing.NewKey();
        var sealedElsewhere = new RecordKeyRing(new Dictionary<string, byte[]> { ["k2"] = newKey }, "k2").Seal("k2", "an event");
        await File.WriteAllTextAsync(Path.Combine(_folder, "k2.key"), Convert.ToBase64String(newKey));

        Assert.True(ring.Verifies("k2", "an event", sealedElsewhere));
        Assert.Equal("k1", ring.CurrentKeyId); // the rotation takes effect here at the next start
        Assert.False(ring.Knows("k3")); // still unknown after reading again: not verifiable
    }

    /// <summary>Cases made by the app on the database, then written back as the code before record keys wrote them.</summary>
    private static async Task<(string Sound, string Tampered, string RowChanged)> OldRecordsAsync(TestDatabase database)
    {
        string[] numbers;
        using (var old = OneWindowFactory.On(database))
        {
            var clerk = await old.SignedIn("clerk.mz");
            numbers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
                (await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "旧记录"), "accept", new { })).Number));
        }
        await using var db = Context(database);
        foreach (var number in await db.Cases.Select(c => c.Number).ToListAsync())
        {
            await UnkeyAsync(db, number, e => e.Opinion);
        }
        await db.RecordKeyIds.ExecuteDeleteAsync();
        return (numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>Writes a case's record in the unkeyed form of the release before keys, with each opinion as given.</summary>
    private static async Task UnkeyAsync(OneWindowDbContext db, string number, Func<CaseEvent, string?> opinion)
    {
        var c = await db.Cases.SingleAsync(x => x.Number == number);
        var head = EventChain.GenesisHash;
        foreach (var e in await db.CaseEvents.Where(x => x.CaseId == c.Id).OrderBy(x => x.Sequence).ToListAsync())
        {
            var entry = db.Entry(e);
            entry.Property(x => x.Opinion).CurrentValue = opinion(e);
            if (e.Data is { } data && JsonNode.Parse(data) is JsonObject json && json.Remove(CaseEvent.ApplicantSealProperty))
            {
                entry.Property(x => x.Data).CurrentValue = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            }
            entry.Property(x => x.KeyId).CurrentValue = null;
            entry.Property(x => x.PreviousHash).CurrentValue = head;
            head = e.LegacyHash();
            entry.Property(x => x.Hash).CurrentValue = head;
        }
        db.Entry(c).Property(x => x.LastEventHash).CurrentValue = head;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static async Task<ChainVerification> VerifyAsync(OneWindowDbContext db, string number, RecordKeyRing keys)
    {
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number);
        return CaseRecordCheck.Verify(c, await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync(), keys);
    }

    private RecordKeyStore Store() => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RecordKeys:Path"] = _folder }).Build(),
        new TestHostEnvironment());

    private static RecordKeyCheck Check(OneWindowDbContext db, RecordKeyStore store)
    {
        var unit = new WriteUnit(db, []);
        return new(db, unit, store, [new CaseRecords(db, unit, NullLogger<CaseRecords>.Instance)], TimeProvider.System, NullLogger<RecordKeyCheck>.Instance);
    }

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
