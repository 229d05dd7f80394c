using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>Backup (SQLite VACUUM INTO, PostgreSQL pg_dump) restored into another database: every case is there and every chain verifies.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly OneWindowFactory _source = new();
    private readonly OneWindowFactory _target = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"onewindow-backup-{Guid.NewGuid():N}.bak");

    public void Dispose()
    {
        _target.Dispose();
        _source.Dispose();
        File.Delete(_file);
    }

    [Fact]
    public async Task A_backup_restored_into_another_database_has_every_case_and_every_chain_verifies()
    {
        var clerk = await _source.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-002", "备份");
        c = await CaseApi.Act(clerk, c, "accept", new { });

        using (var scope = _source.Services.CreateScope())
        {
            var backup = scope.ServiceProvider.GetRequiredService<DatabaseBackup>();
            await backup.BackupAsync(_file, CancellationToken.None);
            // A backup never overwrites a file.
            await Assert.ThrowsAsync<InvalidOperationException>(() => backup.BackupAsync(_file, CancellationToken.None));
        }
        Assert.True(new FileInfo(_file).Length > 0);

        _ = _target.Services; // an empty, migrated and seeded database
        using (var scope = _target.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().RestoreAsync(_file, CancellationToken.None);
        }
        using (var scope = _target.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var restored = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == c.Number);
            Assert.Equal((CaseStatus.Accepted, c.Revision), (restored.Status, restored.Revision));
            var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == restored.Id).ToListAsync();
            var chain = CaseRecordCheck.Verify(restored, events, TestRecordKeys.Ring);
            Assert.True(chain.IsIntact);
            Assert.Equal(c.Events.Count, chain.EventsChecked);
        }
    }
}
