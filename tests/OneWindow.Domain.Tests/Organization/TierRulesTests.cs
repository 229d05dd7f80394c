using OneWindow.Domain;
using OneWindow.Domain.Organization;

namespace OneWindow.Domain.Tests.Organization;

public class TierRulesTests
{
    [Theory]
    [InlineData(VenueTier.TownHall, TierItemRole.TakeIn, null)]
    [InlineData(VenueTier.TownHall, TierItemRole.Decide, null)]
    [InlineData(VenueTier.TownHall, TierItemRole.Advise, "tier.advise-only")]
    [InlineData(VenueTier.TownHall, null, "tier.item-not-listed")]
    [InlineData(VenueTier.VillageRoom, TierItemRole.TakeIn, null)]
    [InlineData(VenueTier.VillageRoom, TierItemRole.Advise, "tier.advise-only")]
    [InlineData(VenueTier.VillageRoom, null, "tier.item-not-listed")]
    [InlineData(VenueTier.CountyCenter, null, null)]
    public void Intake_at_a_town_or_village_follows_its_list_and_the_county_center_has_none(VenueTier tier, TierItemRole? role, string? refusal)
    {
        var thrown = Record.Exception(() => TierRules.CheckIntake(tier, role));
        Assert.Equal(refusal, (thrown as DomainRuleException)?.Code);
    }

    [Fact]
    public void Only_a_town_hall_decides_and_the_county_center_keeps_no_list()
    {
        TierRules.CheckLine(VenueTier.TownHall, TierItemRole.Decide);
        TierRules.CheckLine(VenueTier.VillageRoom, TierItemRole.TakeIn);
        Assert.Equal("tier.village-cannot-decide", Assert.Throws<DomainRuleException>(() => TierRules.CheckLine(VenueTier.VillageRoom, TierItemRole.Decide)).Code);
        Assert.Equal("tier.county-has-no-list", Assert.Throws<DomainRuleException>(() => TierRules.CheckLine(VenueTier.CountyCenter, TierItemRole.TakeIn)).Code);
        Assert.Equal("tier.role-unknown", Assert.Throws<DomainRuleException>(() => TierRules.CheckLine(VenueTier.TownHall, (TierItemRole)9)).Code);
    }

    [Theory]
    [InlineData(TierItemRole.TakeIn, TierItemRole.TakeIn, VenueTier.VillageRoom)]
    [InlineData(TierItemRole.Advise, TierItemRole.TakeIn, VenueTier.TownHall)]
    [InlineData(null, TierItemRole.Decide, VenueTier.TownHall)]
    [InlineData(TierItemRole.Advise, TierItemRole.Advise, VenueTier.CountyCenter)]
    [InlineData(null, null, VenueTier.CountyCenter)]
    public void The_nearest_place_is_the_villages_room_else_its_towns_hall_else_the_county_center(TierItemRole? room, TierItemRole? hall, VenueTier nearest) =>
        Assert.Equal(nearest, TierRules.Nearest(room, hall));

    [Fact]
    public void A_ledger_entry_needs_a_summary_or_an_item_and_an_intake_comes_only_from_its_case()
    {
        var at = new DateTime(2026, 12, 4, 17, 30, 0, DateTimeKind.Utc); // 01:30 on the 5th in Beijing
        var entry = LedgerEntry.Record(Guid.NewGuid(), Guid.NewGuid(), VenueTier.VillageRoom, "431025106202", "u1", "代办员", at,
            LedgerKind.Consultation, LedgerOutcome.Answered, "431025-RS-002", "城乡居民基本养老保险参保登记", null, null, " 0735-1234567 ");
        Assert.Equal(new DateOnly(2026, 12, 5), entry.Day);
        Assert.Equal("0735-1234567", entry.ApplicantPhone);
        string Code(Action a) => Assert.Throws<DomainRuleException>(a).Code;
        Assert.Equal("ledger.summary-required", Code(() => LedgerEntry.Record(Guid.NewGuid(), Guid.NewGuid(), VenueTier.TownHall, "431025106000", "u", "n", at, LedgerKind.Help, LedgerOutcome.Done, null, null, "  ", null, null)));
        Assert.Equal("ledger.intake-by-case", Code(() => LedgerEntry.Record(Guid.NewGuid(), Guid.NewGuid(), VenueTier.TownHall, "431025106000", "u", "n", at, LedgerKind.Intake, LedgerOutcome.TakenIn, null, null, "收件", null, null)));
        Assert.Equal("ledger.intake-by-case", Code(() => LedgerEntry.Record(Guid.NewGuid(), Guid.NewGuid(), VenueTier.TownHall, "431025106000", "u", "n", at, LedgerKind.Help, LedgerOutcome.TakenIn, null, null, "收件", null, null)));
        Assert.Equal("ledger.not-a-tier-venue", Code(() => LedgerEntry.Record(Guid.NewGuid(), Guid.NewGuid(), VenueTier.CountyCenter, "431025000000", "u", "n", at, LedgerKind.Help, LedgerOutcome.Done, null, null, "x", null, null)));
        Assert.Equal("ledger.phone-invalid", Code(() => LedgerEntry.Record(Guid.NewGuid(), Guid.NewGuid(), VenueTier.TownHall, "431025106000", "u", "n", at, LedgerKind.Help, LedgerOutcome.Done, null, null, "x", null, "12ab")));
        Assert.Equal("ledger.summary-too-long", Code(() => LedgerEntry.Record(Guid.NewGuid(), Guid.NewGuid(), VenueTier.TownHall, "431025106000", "u", "n", at, LedgerKind.Help, LedgerOutcome.Done, null, null, new string('字', 501), null, null)));
    }

    [Fact]
    public void A_village_rooms_intake_of_an_item_its_town_decides_with_its_own_department_is_the_towns()
    {
        var (county, town, own) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(town, TierRules.DecidingDepartment(VenueTier.VillageRoom, TierItemRole.TakeIn, null, county, TierItemRole.Decide, town));
        Assert.Equal(county, TierRules.DecidingDepartment(VenueTier.VillageRoom, TierItemRole.TakeIn, null, county, TierItemRole.Decide, null)); // no own department
        Assert.Equal(county, TierRules.DecidingDepartment(VenueTier.VillageRoom, TierItemRole.TakeIn, null, county, TierItemRole.TakeIn, town)); // the town takes it in for the county
        Assert.Equal(county, TierRules.DecidingDepartment(VenueTier.VillageRoom, TierItemRole.TakeIn, null, county, null, town)); // not on the town's list
        Assert.Equal(county, TierRules.DecidingDepartment(VenueTier.VillageRoom, TierItemRole.Advise, null, county, TierItemRole.Decide, town));
        Assert.Equal(own, TierRules.DecidingDepartment(VenueTier.TownHall, TierItemRole.Decide, own, county, TierItemRole.Decide, town));
        Assert.Equal(county, TierRules.DecidingDepartment(VenueTier.CountyCenter, null, null, county, TierItemRole.Decide, town));
    }
}
