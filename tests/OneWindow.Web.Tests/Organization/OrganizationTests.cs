using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Organization;

public class OrganizationTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task The_demo_county_has_all_its_towns_and_villages_with_a_venue_for_each()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var towns = await db.Regions.CountAsync(r => r.ParentCode == DemoCounty.CountyCode);
        var villages = await db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith("431025"));
        Assert.Equal(13, towns);     // NBS 2023: 临武县 has 13 towns
        Assert.Equal(214, villages); // and 214 villages / communities
        // Every town and village has a service venue of its own.
        Assert.False(await db.Regions.AnyAsync(r => r.Code.StartsWith("431025") && r.Level >= RegionLevel.Town && !db.Venues.Any(v => v.RegionCode == r.Code)));
        Assert.True(await db.Venues.AnyAsync(v => v.RegionCode == DemoCounty.CountyCode && v.Tier == VenueTier.CountyCenter));
        Assert.Equal("汾市镇", (await db.Regions.SingleAsync(r => r.Code == "431025106000")).Name);
    }

    [Fact]
    public async Task Importing_another_county_twice_adds_it_once()
    {
        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCounty>();
        var first = await import.RunAsync("431024", "admin");   // 嘉禾县
        var second = await import.RunAsync("431024000000", "admin");
        Assert.Equal("嘉禾县", first.CountyName);
        Assert.True(first.Towns > 0 && first.Villages > 0);
        Assert.Equal(1 + first.Towns + first.Villages, first.Added); // the province and city were already there
        Assert.Equal(0, second.Added);
    }

    [Theory]
    [InlineData("4310")]
    [InlineData("999999")]
    [InlineData("43102x")]
    public async Task An_unknown_or_malformed_county_code_is_refused(string code)
    {
        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCounty>();
        await Assert.ThrowsAsync<DomainRuleException>(() => import.RunAsync(code, "admin"));
    }

    [Fact]
    public async Task A_credit_code_failing_its_check_is_refused_unless_an_exception_is_recorded()
    {
        using var scope = app.Services.CreateScope();
        var manage = scope.ServiceProvider.GetRequiredService<ManageOrganization>();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        // An early Fujian pilot code, legally issued, whose printed check character does not conform.
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            manage.SaveDepartmentAsync(null, "试点部门", "91350211M0000XUF46", null, DemoCounty.CountyCode, null, "admin"));
        Assert.Equal("uscc.check-character", refused.Code);
        var saved = await manage.SaveDepartmentAsync(null, "试点部门", "91350211M0000XUF46", "福建早期试点赋码，已核实营业执照原件", DemoCounty.CountyCode, null, "admin");
        Assert.Equal("admin", saved.CreditCodeOverrideBy);
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityType == "Department" && a.EntityKey == saved.Id.ToString()).Select(a => a.Details).ToListAsync(),
            d => d!.Contains("福建早期试点", StringComparison.Ordinal));
        // A malformed code is never accepted, reason or not.
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            manage.SaveDepartmentAsync(null, "坏代码", "9111000060003IOZSV", "理由", DemoCounty.CountyCode, null, "admin"));
    }

    [Fact]
    public async Task A_reviewer_must_belong_to_a_department_and_passwords_follow_the_policy()
    {
        using var scope = app.Services.CreateScope();
        var manage = scope.ServiceProvider.GetRequiredService<ManageOrganization>();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var venue = await db.Venues.FirstAsync(v => v.Tier == VenueTier.CountyCenter);
        var noDepartment = await Assert.ThrowsAsync<DomainRuleException>(() => manage.AddStaffAsync("t.reviewer", "测试", "Password1234", StaffRoles.Reviewer, venue.Id, null, "admin"));
        Assert.Equal("staff.department-required", noDepartment.Code);
        var weak = await Assert.ThrowsAsync<DomainRuleException>(() => manage.AddStaffAsync("t.clerk", "测试", "short", StaffRoles.WindowClerk, venue.Id, null, "admin"));
        Assert.Equal("staff.invalid", weak.Code);
    }

    [Fact]
    public async Task A_venue_sits_at_the_level_of_its_tier()
    {
        using var scope = app.Services.CreateScope();
        var manage = scope.ServiceProvider.GetRequiredService<ManageOrganization>();
        var mismatch = await Assert.ThrowsAsync<DomainRuleException>(() =>
            manage.SaveVenueAsync(null, "错误的便民服务站", VenueTier.VillageRoom, "431025106000", null, null, null, "admin"));
        Assert.Equal("venue.tier-region-mismatch", mismatch.Code);
        var room = await manage.SaveVenueAsync(null, "新设便民服务站", VenueTier.VillageRoom, "431025106202", "村部", null, null, "admin");
        Assert.Equal("431025106202", room.RegionCode);
    }
}
