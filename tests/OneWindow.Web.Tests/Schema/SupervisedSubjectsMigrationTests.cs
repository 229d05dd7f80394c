using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Schema;

/// <summary>
/// Migration 0017 on a database with supervision data: watches, alerts and notices about cases become subjects of kind
/// Case with their case's id and number; an alert's finding key is kept; a certificate's red card and a notice about a
/// department's matter are about no subject.
/// </summary>
public class SupervisedSubjectsMigrationTests
{
    private static readonly DateTime At = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Existing_watches_alerts_and_notices_become_subjects_of_kind_case_and_keep_their_keys()
    {
        using var database = new TestDatabase();
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        await using var db = new OneWindowDbContext(options.Options);
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance, TimeProvider.System);
        await migrator.MigrateAsync(upTo: "0016_outbox");

        var (caseId, department, notice, matter) = (Guid.CreateVersion7(At), Guid.CreateVersion7(At), Guid.CreateVersion7(At), Guid.CreateVersion7(At));
        var (caseAlert, noticeAlert, certificateAlert) = (Guid.CreateVersion7(At), Guid.CreateVersion7(At), Guid.CreateVersion7(At));
        const string number = "431025-20261123-00001";
        var key = $"case/{caseId:N}/node/1";
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"SupervisionWatches\" (\"CaseId\", \"DueAt\", \"CaseRevision\") VALUES ({caseId}, {At}, {7})");
        await InsertAlert(db, caseAlert, SupervisionRule.NodeOverdue, key, caseId, number, "民办非企业单位成立登记", null, department);
        await InsertAlert(db, noticeAlert, SupervisionRule.NoticeUnanswered, $"notice/{notice:N}", caseId, number, null, notice, department);
        await InsertAlert(db, certificateAlert, SupervisionRule.CertificateWithoutCase, "certificate/证-1", null, "431025-20261123-00099", null, null, department);
        await InsertNotice(db, notice, "DB-2026-0001", caseId, number, department);
        await InsertNotice(db, matter, "DB-2026-0002", null, null, department);

        Assert.Contains("0017_supervised_subjects", await migrator.MigrateAsync());

        var watch = await db.SupervisionWatches.AsNoTracking().SingleAsync();
        Assert.Equal((SubjectKind.Case, caseId, At, 7), (watch.SubjectKind, watch.SubjectId, watch.DueAt, watch.Revision));

        var alerts = await db.SupervisionAlerts.AsNoTracking().ToDictionaryAsync(a => a.Id);
        var onCase = alerts[caseAlert];
        Assert.Equal((SubjectKind.Case, caseId, number, "民办非企业单位成立登记", key),
            (onCase.SubjectKind!.Value, onCase.SubjectId!.Value, onCase.SubjectNumber, onCase.SubjectTitle, onCase.Key));
        Assert.Equal((caseId, number), (onCase.CaseId!.Value, onCase.CaseNumber));
        var red = alerts[noticeAlert];
        Assert.Equal((SubjectKind.Case, caseId, number, notice), (red.SubjectKind!.Value, red.SubjectId!.Value, red.SubjectNumber, red.NoticeId!.Value));
        var certificate = alerts[certificateAlert];
        Assert.Equal((null, null, null, null), (certificate.SubjectKind, certificate.SubjectId, certificate.SubjectNumber, certificate.SubjectTitle));
        Assert.Equal("certificate/证-1", certificate.Key);

        var notices = await db.SupervisionNotices.AsNoTracking().ToDictionaryAsync(n => n.Id);
        Assert.Equal((SubjectKind.Case, caseId, number), (notices[notice].SubjectKind!.Value, notices[notice].SubjectId!.Value, notices[notice].SubjectNumber));
        Assert.Equal((null, null, null), (notices[matter].SubjectKind, notices[matter].SubjectId, notices[matter].SubjectNumber));

        // The unique key still holds on the renamed column: the same finding cannot go in twice.
        await Assert.ThrowsAnyAsync<Exception>(() => InsertAlert(db, Guid.CreateVersion7(At), SupervisionRule.NodeOverdue, key, caseId, number, null, null, department));
    }

    private static Task<int> InsertAlert(OneWindowDbContext db, Guid id, SupervisionRule rule, string key, Guid? caseId, string? caseNumber, string? itemName, Guid? noticeId, Guid department) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SupervisionAlerts" ("Id", "Rule", "Severity", "Subject", "CaseId", "CaseNumber", "ItemName", "NoticeId", "DepartmentId", "RegionCode",
                "Detail", "TriggeredAt", "RaisedAt", "Status", "Level", "History", "Revision")
            VALUES ({id}, {(int)rule}, {(int)AlertSeverity.Yellow}, {key}, {caseId}, {caseNumber}, {itemName}, {noticeId}, {department}, {"431025000000"},
                {"超期"}, {At}, {At}, {(int)AlertStatus.Notified}, {(int)EscalationLevel.Department}, {"[]"}, {2})
            """);

    private static Task<int> InsertNotice(OneWindowDbContext db, Guid id, string number, Guid? caseId, string? caseNumber, Guid department) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SupervisionNotices" ("Id", "Number", "DepartmentId", "RegionCode", "CaseId", "CaseNumber", "Title", "Requirement", "IssuedBy", "IssuedAt",
                "ReplyDueDate", "ReplyDueAt", "Status", "Revision")
            VALUES ({id}, {number}, {department}, {"431025000000"}, {caseId}, {caseNumber}, {"超期未办"}, {"请说明"}, {"监察 王敏"}, {At},
                {new DateOnly(2026, 11, 25)}, {At.AddDays(3)}, {(int)NoticeStatus.Issued}, {1})
            """);
}
