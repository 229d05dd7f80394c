using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Seeding;

/// <summary>
/// What every database needs (the staff roles and the national calendar) and, on a fresh database, the demo
/// county, with its recent history of cases when asked (<see cref="DemoHistory"/>). Each part checks before it
/// writes, so starting the app again changes nothing.
/// </summary>
public sealed class ReferenceSeed(
    OneWindowDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<UserAccount> users,
    ImportCounty importCounty,
    DemoHistory history,
    WriteUnit unit,
    TimeProvider clock,
    ILogger<ReferenceSeed> logger)
{
    private const string Actor = "seed";

    /// <param name="demoHistory">With a freshly seeded demo county, also about three months of its cases (<c>Seed:DemoHistory</c>).</param>
    public async Task RunAsync(bool demoCounty, bool demoHistory = false, CancellationToken ct = default)
    {
        foreach (var role in StaffRoles.All.Append(ApplicantRoles.Applicant))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        await SeedNationalCalendarAsync(ct);
        if (demoCounty && !await db.Departments.AnyAsync(ct))
        {
            // All or nothing: a half-seeded county would be skipped on the next start.
            await unit.RunAsync(SeedDemoCountyAsync, ct);
            // Only into the county just seeded: a database in use (or one whose county was seeded without it) keeps its cases.
            if (demoHistory && !await db.Cases.AnyAsync(ct))
            {
                await history.RunAsync(ct);
            }
        }
    }

    private async Task SeedNationalCalendarAsync(CancellationToken ct)
    {
        var known = (await db.SpecialDays.Where(d => d.RegionCode == SpecialDayEntry.National).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = NationalCalendar.ShippedDays.Where(d => !known.Contains(d.Date)).ToList();
        foreach (var day in missing)
        {
            db.SpecialDays.Add(new SpecialDayEntry
            {
                RegionCode = SpecialDayEntry.National, Date = day.Date, IsOffDay = day.IsOffDay, Name = day.Name,
                Reason = NationalCalendar.SourceDescription, CreatedBy = Actor, CreatedAt = now, NoticeYear = NationalCalendar.NoticeYearOf(day.Date),
            });
        }
        // The shipped years' notices are loaded: those years no longer rest on the statute alone (ADR 0014).
        var loaded = (await db.HolidayNotices.Select(n => n.Year).ToListAsync(ct)).ToHashSet();
        foreach (var year in NationalCalendar.ShippedNoticeYears.Where(y => !loaded.Contains(y)))
        {
            db.HolidayNotices.Add(new HolidayNotice { Year = year, Reference = NationalCalendar.SourceDescription, LoadedAt = now, LoadedBy = Actor });
        }
        if (db.ChangeTracker.HasChanges())
        {
            await unit.SaveAsync(ct);
            logger.LogInformation("Added {Count} national calendar days", missing.Count);
        }
    }

    private async Task SeedDemoCountyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var import = await importCounty.RunAsync(DemoCounty.CountyCode, Actor, ct);

        var center = new Venue
        {
            Id = Guid.CreateVersion7(now), Name = "临武县政务服务中心", Tier = VenueTier.CountyCenter, RegionCode = DemoCounty.CountyCode,
            Address = DemoCounty.CenterAddress, OfficeHours = DemoCounty.CenterHours, Phone = "0735-6360001",
        };
        db.Venues.Add(center);
        var towns = await db.Regions.Where(r => r.ParentCode == DemoCounty.CountyCode).OrderBy(r => r.Code).ToListAsync(ct);
        var townHalls = new Dictionary<string, Venue>();
        foreach (var town in towns)
        {
            var hall = new Venue
            {
                Id = Guid.CreateVersion7(now), Name = town.Name + "便民服务中心", Tier = VenueTier.TownHall, RegionCode = town.Code,
                Address = town.Name + "人民政府一楼", OfficeHours = "周一至周五 8:30–12:00，14:30–17:30",
            };
            townHalls[town.Code] = hall;
            db.Venues.Add(hall);
        }
        var villages = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(DemoCounty.CountyCode.Substring(0, 6)))
            .OrderBy(r => r.Code).ToListAsync(ct);
        var villageRooms = new Dictionary<string, Venue>();
        foreach (var village in villages)
        {
            var room = new Venue
            {
                Id = Guid.CreateVersion7(now), Name = village.Name + "便民服务站", Tier = VenueTier.VillageRoom, RegionCode = village.Code,
                Address = village.Name + "党群服务中心", OfficeHours = "周一至周五 9:00–17:00（代办员轮值）",
            };
            villageRooms[village.Code] = room;
            db.Venues.Add(room);
        }

        var departments = new Dictionary<string, Department>();
        var n = 1;
        foreach (var d in DemoCounty.Departments)
        {
            var department = new Department
            {
                Id = Guid.CreateVersion7(now), Name = d.Name, CreditCode = DemoCounty.DemoCreditCode(n++), RegionCode = DemoCounty.CountyCode,
                Phone = d.Phone, SortOrder = d.SortOrder,
            };
            departments[d.Key] = department;
            db.Departments.Add(department);
        }

        // 汾市镇's own department (the town government): its hall decides the town-own items with it (ADR 0035).
        var fenshi = DemoCounty.FenshiGovernment;
        var townDepartment = new Department
        {
            Id = Guid.CreateVersion7(now), Name = fenshi.Name, CreditCode = DemoCounty.DemoCreditCode(n++), RegionCode = DemoCounty.FenshiTown,
            Phone = fenshi.Phone, SortOrder = fenshi.SortOrder,
        };
        db.Departments.Add(townDepartment);
        townHalls[DemoCounty.FenshiTown].OwnDepartmentId = townDepartment.Id;

        var windows = new Dictionary<string, Window>();
        foreach (var w in DemoCounty.CenterWindows)
        {
            var window = new Window
            {
                Id = Guid.CreateVersion7(now), VenueId = center.Id, Number = w.Number, Name = w.Name, Kind = w.Kind, Category = w.Category,
                DepartmentId = w.DepartmentKey is null ? null : departments[w.DepartmentKey].Id,
            };
            windows[w.Number] = window;
            db.Windows.Add(window);
        }
        // A few town halls and village rooms get their counter (window 1) and tier list; the others are places only,
        // until the administrator staffs them (/admin/org/windows, /admin/org/tier-lists).
        var counters = new Dictionary<Guid, Window>();
        var tierVenues = DemoCounty.StaffedTowns.Select(c => (Venue: townHalls[c], List: DemoCounty.TownHallListOf(c), Name: "综合代办窗口"))
            .Concat(DemoCounty.StaffedVillages.Select(c => (Venue: villageRooms[c], List: DemoCounty.VillageRoomList, Name: "代办员窗口")));
        foreach (var (venue, list, name) in tierVenues)
        {
            var counter = new Window { Id = Guid.CreateVersion7(now), VenueId = venue.Id, Number = "1", Name = name, Kind = WindowKind.Comprehensive, Category = WindowCategory.SocialAffairs };
            counters[venue.Id] = counter;
            db.Windows.Add(counter);
            foreach (var (code, role) in list)
            {
                db.Set<VenueItem>().Add(new VenueItem { VenueId = venue.Id, ItemCode = code, Role = role });
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var seed in DemoCatalog.Items)
        {
            var department = departments[seed.Dept];
            var deptWindow = DemoCounty.CenterWindows.First(w => w.DepartmentKey == seed.Dept);
            var comprehensive = DemoCounty.CenterWindows.First(w => w.Kind == WindowKind.Comprehensive && w.Category == deptWindow.Category);
            var guide = DemoGuideBuilder.Build(seed, department.Id, department.Name, department.Phone!,
                $"{comprehensive.Number} {comprehensive.Name}；{deptWindow.Number} {deptWindow.Name}");
            // The blank forms and samples the guide lists are real files to download.
            guide = DemoForms.WithFiles(guide, seed, file => db.StoredFiles.Add(file), now);
            var item = ServiceItem.Create(seed.Code, guide, Actor, now);
            item.Publish(Actor, now, ChinaTime.DateOf(now));
            db.ServiceItems.Add(item);
            db.WindowItems.Add(new WindowItemAuthorization { WindowId = windows[deptWindow.Number].Id, ItemCode = seed.Code });
            db.WindowItems.Add(new WindowItemAuthorization { WindowId = windows[comprehensive.Number].Id, ItemCode = seed.Code });
        }
        foreach (var (venue, list, _) in tierVenues)
        {
            // The counter may take in what its venue's list lets the venue take in.
            foreach (var (code, _) in list.Where(l => TierRules.TakesIn(l.Role)))
            {
                db.WindowItems.Add(new WindowItemAuthorization { WindowId = counters[venue.Id].Id, ItemCode = code });
            }
        }
        foreach (var c in DemoCatalog.Combined)
        {
            var combined = CombinedItem.Create(c.Code, Actor, now);
            combined.Edit(c.Name, c.Description, c.Members, departments[c.Lead].Id, c.Promised,
                DeliveryMethods.WindowPickup | DeliveryMethods.Mail | DeliveryMethods.Electronic, c.Themes, Actor, now);
            var memberDepartments = DemoCatalog.Items.Where(i => c.Members.Contains(i.Code)).ToDictionary(i => i.Code, i => departments[i.Dept].Id);
            combined.Publish(memberDepartments, Actor, now);
            db.CombinedItems.Add(combined);
        }
        foreach (var (term, words) in DemoCatalog.Synonyms)
        {
            db.Set<SearchSynonym>().Add(SearchSynonym.Create(term, words, Actor, now));
        }
        await db.SaveChangesAsync(ct);

        foreach (var s in DemoCounty.Staff)
        {
            var user = new UserAccount
            {
                UserName = s.UserName, DisplayName = s.DisplayName,
                VenueId = s.VenueRegion is null ? center.Id : townHalls.GetValueOrDefault(s.VenueRegion)?.Id ?? villageRooms[s.VenueRegion].Id,
                DepartmentId = s.DepartmentKey switch { null => null, DemoCounty.TownDepartmentKey => townDepartment.Id, var key => departments[key].Id },
            };
            var created = await users.CreateAsync(user, DemoCounty.DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, s.Role);
            if (s.DepartmentKey == DemoCounty.TownDepartmentKey)
            {
                // The town's reviewer and approver handle its own items.
                foreach (var (code, _) in DemoCounty.FenshiOwnItems)
                {
                    db.StaffItems.Add(new StaffItemAuthorization { UserId = user.Id, ItemCode = code });
                }
            }
            else if (s.VenueRegion is not null)
            {
                // A town hall's clerk or a village room's agent: sits at the venue's counter, authorized for what it takes in.
                var venueId = user.VenueId!.Value;
                db.Set<StaffSeat>().Add(new StaffSeat { UserId = user.Id, WindowId = counters[venueId].Id, ChosenAt = now });
                var list = townHalls.ContainsKey(s.VenueRegion) ? DemoCounty.TownHallListOf(s.VenueRegion) : DemoCounty.VillageRoomList;
                foreach (var (code, _) in list.Where(l => TierRules.TakesIn(l.Role)))
                {
                    db.StaffItems.Add(new StaffItemAuthorization { UserId = user.Id, ItemCode = code });
                }
            }
            else if (s.WindowNumber is { } seat)
            {
                // Each demo clerk sits at their window, as if they had chosen it at the workbench.
                db.Set<StaffSeat>().Add(new StaffSeat { UserId = user.Id, WindowId = windows[seat].Id, ChosenAt = now });
            }
            if (s.DepartmentKey is not null && s.Role is StaffRoles.WindowClerk or StaffRoles.Reviewer or StaffRoles.Approver)
            {
                foreach (var item in DemoCatalog.Items.Where(i => i.Dept == s.DepartmentKey))
                {
                    db.StaffItems.Add(new StaffItemAuthorization { UserId = user.Id, ItemCode = item.Code });
                }
            }
            else if (s.Role == StaffRoles.WindowClerk && s.VenueRegion is null && s.WindowNumber is { } number)
            {
                var category = DemoCounty.CenterWindows.First(w => w.Number == number).Category;
                foreach (var item in DemoCatalog.Items.Where(i => DemoCounty.CenterWindows.First(w => w.DepartmentKey == i.Dept).Category == category))
                {
                    db.StaffItems.Add(new StaffItemAuthorization { UserId = user.Id, ItemCode = item.Code });
                }
            }
        }
        // The hotline's units, categories and town account (issue 19).
        await HotlineSeed.SeedAsync(db, users, departments, now, ct);
        // The hotline's knowledge base (ADR 0029): the answers operators give most.
        KnowledgeSeed.Seed(db, now);
        var citizen = DemoCounty.DemoApplicant;
        // As if he had signed up with a code to his phone (ADR 0015): his window cases are his.
        var applicant = new UserAccount { UserName = citizen.Phone, PhoneNumber = citizen.Phone, PhoneNumberConfirmed = true, DisplayName = citizen.Name, IdentityNumber = citizen.IdentityNumber };
        await users.CreateAsync(applicant, DemoCounty.DemoPassword);
        await users.AddToRoleAsync(applicant, ApplicantRoles.Applicant);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the demo county {County}: {Towns} towns, {Villages} villages, {Items} items",
            import.CountyName, import.Towns, import.Villages, DemoCatalog.Items.Count);
    }
}
