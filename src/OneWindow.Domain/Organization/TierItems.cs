namespace OneWindow.Domain.Organization;

/// <summary>What a town hall or village room does with an item on its tier list (下沉清单).</summary>
public enum TierItemRole
{
    /// <summary>代收代办: takes the application in for the county department that decides it.</summary>
    TakeIn = 1,
    /// <summary>本级办理: the town decides it itself (town-own matters such as 民政, 计生, 劳动保障 in seed 001).</summary>
    Decide = 2,
    /// <summary>咨询指导: explains the item and its materials, and sends the applicant where it is taken in.</summary>
    Advise = 3,
}

/// <summary>One line of a venue's tier list: an item (by code, the same across versions) and what the venue does with it.</summary>
public sealed class VenueItem
{
    public Guid VenueId { get; init; }
    public required string ItemCode { get; init; }
    public TierItemRole Role { get; set; }
}

/// <summary>
/// The rules of the tier lists: which venue may hold which line, whether a venue may take an item in, and where an
/// applicant of a village hands an item in nearest (the village's room, else its town's hall, else the county center).
/// </summary>
public static class TierRules
{
    /// <summary>Whether a venue of the tier may hold a line with the role (the county center takes in everything it has windows for; only a town decides).</summary>
    public static void CheckLine(VenueTier tier, TierItemRole role)
    {
        if (tier == VenueTier.CountyCenter)
        {
            throw new DomainRuleException("tier.county-has-no-list", "政务服务中心不设下沉清单：其受理范围由窗口授权事项决定。", "lines");
        }
        if (role == TierItemRole.Decide && tier != VenueTier.TownHall)
        {
            throw new DomainRuleException("tier.village-cannot-decide", "便民服务站不能自行办理事项，只能代收代办或咨询指导。", "lines");
        }
        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException("tier.role-unknown", "未知的下沉方式。", "lines");
        }
    }

    /// <summary>
    /// Whether an application for an item may be taken in at a venue of the tier, whose list gives the item
    /// <paramref name="role"/> (null: not on the list). The county center's intake is decided by its windows, not here.
    /// </summary>
    public static void CheckIntake(VenueTier tier, TierItemRole? role)
    {
        if (tier == VenueTier.CountyCenter)
        {
            return;
        }
        switch (role)
        {
            case TierItemRole.TakeIn or TierItemRole.Decide:
                return;
            case TierItemRole.Advise:
                throw new DomainRuleException("tier.advise-only", "本场所对该事项只提供咨询指导，不能收件；请引导申请人到可受理的场所办理。");
            default:
                throw new DomainRuleException("tier.item-not-listed", "该事项不在本场所的下沉清单中，不能在此收件；请引导申请人到县政务服务中心或可受理的场所办理。");
        }
    }

    /// <summary>
    /// The department that decides an application taken in at a venue of the tier: a town hall's own department for an
    /// item its list marks <see cref="TierItemRole.Decide"/> (town-own matters, seed 001); at a village room that takes
    /// the item in, its town hall's own department when the hall's list marks the item <see cref="TierItemRole.Decide"/>
    /// (the room takes it in for its town, not for the county); else the item's department (the county's, for which a
    /// town or village takes it in).
    /// </summary>
    /// <param name="townHallRole">For a village room: its town hall's line for the item (null: none, or not a village room).</param>
    /// <param name="townHallOwnDepartment">For a village room: its town hall's own department (null: none).</param>
    public static Guid DecidingDepartment(VenueTier tier, TierItemRole? role, Guid? ownDepartment, Guid itemDepartment,
        TierItemRole? townHallRole = null, Guid? townHallOwnDepartment = null) => tier switch
    {
        VenueTier.TownHall when role == TierItemRole.Decide && ownDepartment is { } own => own,
        VenueTier.VillageRoom when TakesIn(role) && townHallRole == TierItemRole.Decide && townHallOwnDepartment is { } town => town,
        _ => itemDepartment,
    };

    /// <summary>Only a town hall has its own department, and it must be a department of the hall's town.</summary>
    public static void CheckOwnDepartment(VenueTier tier, string venueRegion, string? departmentRegion)
    {
        if (departmentRegion is null)
        {
            return;
        }
        if (tier != VenueTier.TownHall)
        {
            throw new DomainRuleException("venue.own-department-town-only", "只有便民服务中心（乡镇）可设本级办理部门。", "ownDepartmentId");
        }
        if (departmentRegion != venueRegion)
        {
            throw new DomainRuleException("venue.own-department-region", "本级办理部门须是本乡镇的部门（所在区划与便民服务中心相同）。", "ownDepartmentId");
        }
    }

    /// <summary>Whether a line lets the venue take the item in (to hand in there).</summary>
    public static bool TakesIn(TierItemRole? role) => role is TierItemRole.TakeIn or TierItemRole.Decide;

    /// <summary>
    /// Where an applicant of a village hands an item in nearest: the village's room when its list takes the item in,
    /// else the town's hall when its list does, else the county center (which takes in every published item).
    /// </summary>
    public static VenueTier Nearest(TierItemRole? villageRoom, TierItemRole? townHall) =>
        TakesIn(villageRoom) ? VenueTier.VillageRoom : TakesIn(townHall) ? VenueTier.TownHall : VenueTier.CountyCenter;
}
