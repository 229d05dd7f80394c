using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization;

/// <summary>The administrator's organization actions: departments, windows, staff and their authorized items.</summary>
public sealed class ManageOrganization(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<Department> SaveDepartmentAsync(Guid? id, string name, string creditCode, string? overrideReason, string regionCode, string? phone, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("department.name-required", "部门名称不能为空。");
        }
        if (!RegionCode.TryParse(regionCode, out var region))
        {
            throw new DomainRuleException("region.code-invalid", "行政区划代码应为 12 位数字。");
        }
        var department = id is { } existingId
            ? await db.Departments.FirstOrDefaultAsync(d => d.Id == existingId, ct) ?? throw new NotFoundException("部门不存在。")
            : new Department { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name, CreditCode = "", RegionCode = region.Value };
        department.Name = name.Trim();
        department.RegionCode = region.Value;
        department.Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        department.SetCreditCode(creditCode, overrideReason, actor);
        if (await db.Departments.AnyAsync(d => d.CreditCode == department.CreditCode && d.Id != department.Id, ct))
        {
            throw new DomainRuleException("department.credit-code-taken", "该统一社会信用代码已被其他部门使用。");
        }
        if (id is null)
        {
            department.SortOrder = (await db.Departments.MaxAsync(d => (int?)d.SortOrder, ct) ?? 0) + 10;
            db.Departments.Add(department);
        }
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Department", department.Id.ToString(), id is null ? "created" : "edited",
            new { department.Name, department.CreditCode, override_ = department.CreditCodeOverrideReason });
        await unit.SaveAsync(ct);
        return department;
    }

    public async Task<Venue> SaveVenueAsync(Guid? id, string name, VenueTier tier, string regionCode, string? address, string? hours, string? phone, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("venue.name-required", "场所名称不能为空。");
        }
        if (!RegionCode.TryParse(regionCode, out var region) || !await db.Regions.AnyAsync(r => r.Code == region.Value, ct))
        {
            throw new DomainRuleException("venue.region-unknown", "所在区划不存在，请先导入该县的区划。");
        }
        var expected = tier switch
        {
            VenueTier.CountyCenter => RegionLevel.County,
            VenueTier.TownHall => RegionLevel.Town,
            VenueTier.VillageRoom => RegionLevel.Village,
            _ => throw new ArgumentOutOfRangeException(nameof(tier)),
        };
        if (region.Level != expected)
        {
            throw new DomainRuleException("venue.tier-region-mismatch", "场所层级与区划层级不一致：政务服务中心设在县，便民服务中心设在乡镇，便民服务站设在村（社区）。");
        }
        var venue = id is { } existing
            ? await db.Venues.FirstOrDefaultAsync(v => v.Id == existing, ct) ?? throw new NotFoundException("场所不存在。")
            : new Venue { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name, RegionCode = region.Value };
        venue.Name = name.Trim();
        venue.Tier = tier;
        venue.RegionCode = region.Value;
        venue.Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        venue.OfficeHours = string.IsNullOrWhiteSpace(hours) ? null : hours.Trim();
        venue.Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (id is null)
        {
            db.Venues.Add(venue);
        }
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Venue", venue.Id.ToString(), id is null ? "created" : "edited", new { venue.Name, tier, venue.RegionCode });
        await unit.SaveAsync(ct);
        return venue;
    }

    public async Task<Window> AddWindowAsync(Guid venueId, string number, string name, WindowKind kind, WindowCategory category, Guid? departmentId, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("window.fields-required", "窗口编号和名称不能为空。");
        }
        if (kind == WindowKind.Department && departmentId is null)
        {
            throw new DomainRuleException("window.department-required", "部门窗口须指定所属部门。");
        }
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct))
        {
            throw new NotFoundException("场所不存在。");
        }
        if (await db.Windows.AnyAsync(w => w.VenueId == venueId && w.Number == number.Trim(), ct))
        {
            throw new DomainRuleException("window.number-taken", $"该场所已有 {number} 号窗口。");
        }
        var window = new Window { Id = Guid.CreateVersion7(clock.GetUtcNow()), VenueId = venueId, Number = number.Trim(), Name = name.Trim(), Kind = kind, Category = category, DepartmentId = departmentId };
        db.Windows.Add(window);
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Window", window.Id.ToString(), "created", new { window.Number, window.Name, kind, category });
        await unit.SaveAsync(ct);
        return window;
    }

    /// <summary>Replaces the items a window may take in.</summary>
    public async Task SetWindowItemsAsync(Guid windowId, IReadOnlyCollection<string> itemCodes, string actor, CancellationToken ct = default)
    {
        var unknown = itemCodes.Except(await db.ServiceItems.Where(i => itemCodes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException("catalog.item-unknown", "未知事项编码: " + string.Join(", ", unknown));
        }
        db.WindowItems.RemoveRange(db.WindowItems.Where(a => a.WindowId == windowId));
        db.WindowItems.AddRange(itemCodes.Distinct().Select(c => new WindowItemAuthorization { WindowId = windowId, ItemCode = c }));
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Window", windowId.ToString(), "items-set", new { items = itemCodes });
        await unit.SaveAsync(ct);
    }

    public async Task<UserAccount> AddStaffAsync(string userName, string displayName, string password, string role, Guid venueId, Guid? departmentId, string actor, CancellationToken ct = default)
    {
        if (!StaffRoles.All.Contains(role))
        {
            throw new DomainRuleException("staff.role-unknown", "未知角色。");
        }
        var tier = await db.Venues.Where(v => v.Id == venueId).Select(v => (VenueTier?)v.Tier).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("staff.venue-unknown", "请选择人员所在的服务场所。");
        if (tier == VenueTier.VillageRoom && role != StaffRoles.WindowClerk)
        {
            // A village room has an agent (代办员) who takes in and advises; review and decision stay with the county.
            throw new DomainRuleException("staff.village-agent-only", "便民服务站只设代办员（窗口人员角色），审核、审批在县级部门。");
        }
        if (role is StaffRoles.Reviewer or StaffRoles.Approver && departmentId is null)
        {
            throw new DomainRuleException("staff.department-required", "审核人、审批人须属于一个部门。");
        }
        var user = new UserAccount { UserName = userName.Trim(), DisplayName = displayName.Trim(), VenueId = venueId, DepartmentId = departmentId };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new DomainRuleException("staff.invalid", string.Join("；", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Staff", user.UserName!, "created", new { role, venueId, departmentId });
        await unit.SaveAsync(ct);
        return user;
    }

    /// <summary>Replaces the items a staff member may handle.</summary>
    public async Task SetStaffItemsAsync(string userId, IReadOnlyCollection<string> itemCodes, string actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("人员不存在。");
        db.StaffItems.RemoveRange(db.StaffItems.Where(a => a.UserId == userId));
        db.StaffItems.AddRange(itemCodes.Distinct().Select(c => new StaffItemAuthorization { UserId = userId, ItemCode = c }));
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Staff", user.UserName!, "items-set", new { items = itemCodes });
        await unit.SaveAsync(ct);
    }

    /// <summary>
    /// Sets a town hall's own department (本级办理机构), which decides the items its tier list marks Decide with its own
    /// reviewers and approvers (null: the items' county departments decide them). Only a town hall has one, and it is a
    /// department of the hall's town.
    /// </summary>
    public async Task SetOwnDepartmentAsync(Guid venueId, Guid? departmentId, string actor, CancellationToken ct = default)
    {
        await StageOwnDepartmentAsync(venueId, departmentId, actor, ct);
        await unit.SaveAsync(ct);
    }

    /// <summary>
    /// The tier-list page's one form: a town hall's own department and its list, checked both and saved together, so a
    /// refused list leaves the department as it was too (a village room has no own department: <c>null</c>).
    /// </summary>
    public async Task<IReadOnlyList<VenueItem>> SetTierListAsync(Guid venueId, Guid? ownDepartmentId, IReadOnlyCollection<VenueItemLine> lines, string actor, CancellationToken ct = default)
    {
        await StageOwnDepartmentAsync(venueId, ownDepartmentId, actor, ct);
        var items = await StageVenueItemsAsync(venueId, lines, actor, ct);
        await unit.SaveAsync(ct);
        return items;
    }

    private async Task StageOwnDepartmentAsync(Guid venueId, Guid? departmentId, string actor, CancellationToken ct)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.Id == venueId, ct) ?? throw new NotFoundException("场所不存在。");
        string? departmentRegion = null;
        if (departmentId is { } id)
        {
            departmentRegion = await db.Departments.Where(d => d.Id == id).Select(d => d.RegionCode).FirstOrDefaultAsync(ct)
                ?? throw new DomainRuleException("venue.own-department-unknown", "所选部门不存在。", "ownDepartmentId");
        }
        TierRules.CheckOwnDepartment(venue.Tier, venue.RegionCode, departmentRegion);
        if (venue.OwnDepartmentId == departmentId)
        {
            return;
        }
        venue.OwnDepartmentId = departmentId;
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Venue", venueId.ToString(), "own-department-set", new { departmentId });
    }

    /// <summary>
    /// Replaces a town hall's or village room's tier list (下沉清单): the items it takes in for the county, decides itself
    /// (a town hall only) or advises on. Every code must be a catalog item's.
    /// </summary>
    public async Task<IReadOnlyList<VenueItem>> SetVenueItemsAsync(Guid venueId, IReadOnlyCollection<VenueItemLine> lines, string actor, CancellationToken ct = default)
    {
        var items = await StageVenueItemsAsync(venueId, lines, actor, ct);
        await unit.SaveAsync(ct);
        return items;
    }

    private async Task<IReadOnlyList<VenueItem>> StageVenueItemsAsync(Guid venueId, IReadOnlyCollection<VenueItemLine> lines, string actor, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct) ?? throw new NotFoundException("场所不存在。");
        var distinct = lines.GroupBy(l => l.ItemCode.Trim()).Select(g => g.Last() with { ItemCode = g.Key }).ToList();
        foreach (var line in distinct)
        {
            TierRules.CheckLine(venue.Tier, line.Role);
        }
        if (venue.Tier == VenueTier.CountyCenter)
        {
            TierRules.CheckLine(venue.Tier, TierItemRole.TakeIn); // refused even when empty: the center has no list
        }
        var codes = distinct.Select(l => l.ItemCode).ToList();
        var unknown = codes.Except(await db.ServiceItems.Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException("catalog.item-unknown", "未知事项编码: " + string.Join(", ", unknown));
        }
        db.Set<VenueItem>().RemoveRange(db.Set<VenueItem>().Where(i => i.VenueId == venueId));
        var items = distinct.Select(l => new VenueItem { VenueId = venueId, ItemCode = l.ItemCode, Role = l.Role }).ToList();
        db.Set<VenueItem>().AddRange(items);
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Venue", venueId.ToString(), "tier-list-set",
            new { takeIn = Codes(TierItemRole.TakeIn), decide = Codes(TierItemRole.Decide), advise = Codes(TierItemRole.Advise) });
        return items;

        List<string> Codes(TierItemRole role) => [.. distinct.Where(l => l.Role == role).Select(l => l.ItemCode)];
    }
}

/// <summary>One line of a tier list as the administrator sets it.</summary>
public sealed record VenueItemLine(string ItemCode, TierItemRole Role);
