using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Identifiers;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Seeding;

// The history is demo data drawn from a seeded generator so that every start makes the same county: nothing here is a secret.
#pragma warning disable CA5394

/// <summary>
/// A recent history for the demo county (<c>Seed:DemoHistory</c>): about three months of cases, ending now, across every
/// demo item (the instant and popular ones more often), the window, online and town-hall channels and both combined
/// items, in every state. Each case is made through the domain (<see cref="Case.Receive"/>, <see cref="Case.Accept"/>,
/// the nodes, the decision, the fee, the result and its delivery, and the special procedures, extensions, corrections,
/// refusals and withdrawals) by the county's own staff, at back-dated instants on the working-day calendar that move
/// forward in time, so its record and clocks are those of a real case. Numbers come from the real series (case numbers
/// by day, notice numbers by department, kind and year), so a case registered later gets the next one. Supervision sees
/// the history through the same case hooks as a real action, and then, for what is still open, at each instant its
/// watch came due up to now, as its sweep would have (late cases get their cards at the instant they went late).
/// </summary>
public sealed class DemoHistory(
    OneWindowDbContext db,
    WriteUnit unit,
    CaseHooks hooks,
    RegionCalendars calendars,
    UserManager<UserAccount> users,
    Modules.Statistics.SettleCaseFigures figures,
    TimeProvider clock,
    ILogger<DemoHistory> logger)
{
    /// <summary>The span of the history, in calendar days before now.</summary>
    public const int Days = 91;
    private const int CasesPerUnit = 150;
    private const string County = DemoCounty.CountyCode;

    private readonly Random _random = new(18);
    private WorkingDayCalendar _calendar = null!;
    private DateTime _now;
    private readonly Dictionary<string, int> _resultSeries = [];
    private int _refused;
    private Dictionary<string, string> _roleIds = [];

    /// <summary>Steps the domain refused while the history was made (none is expected).</summary>
    public int Refused => _refused;

    public async Task RunAsync(CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _now = clock.GetUtcNow().UtcDateTime;
        _calendar = await calendars.ForRegionAsync(County);
        var world = await LoadWorldAsync(ct);
        var loaded = watch.ElapsedMilliseconds;
        var plans = Plan(world);
        var open = new List<Case>();
        var counts = new Dictionary<CaseStatus, int>();
        var ratings = 0;
        await hooks.PrepareAsync(ct);
        foreach (var chunk in plans.Chunk(CasesPerUnit))
        {
            await unit.RunAsync(async t =>
            {
                foreach (var plan in chunk)
                {
                    var made = await MakeAsync(plan, world, t);
                    foreach (var c in made.Cases)
                    {
                        counts[c.Status] = counts.GetValueOrDefault(c.Status) + 1;
                        if (c.IsOpen)
                        {
                            open.Add(c);
                        }
                    }
                    if (made.Rating is { } rating)
                    {
                        db.Ratings.Add(rating);
                        ratings++;
                    }
                }
            }, ct);
            db.ChangeTracker.Clear(); // each unit's cases are saved: the next unit's saves look at their own entities only
        }
        var made = watch.ElapsedMilliseconds;
        await SweepHistoryAsync(open, ct);
        db.ChangeTracker.Clear();
        // The history's figures settled before the app serves its first report, rather than at the sweep's first tick.
        await figures.RunToEndAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Demo history: staff and applicants {Loaded} ms, cases {Made} ms, their watches {Swept} ms", loaded, made - loaded, watch.ElapsedMilliseconds - made);
        logger.LogInformation("Seeded the demo history: {Cases} cases over {Days} days ({States}), {Ratings} ratings, {Refused} steps refused, in {Elapsed} ms",
            counts.Values.Sum(), Days, string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")), ratings, _refused, watch.ElapsedMilliseconds);
    }

    // ---- The county as the history needs it -------------------------------------------------------------------------

    private sealed record Item(CaseTemplate Template, string DeptKey, int Weight, Guid DeptWindowId, Guid ComprehensiveWindowId);

    private sealed record Combined(CaseTemplate Template, IReadOnlyList<ServiceItemVersion> Members, Guid WindowId);

    private sealed class World
    {
        public required List<Item> Items { get; init; }
        public required List<Combined> Combined { get; init; }
        public required Guid CenterId { get; init; }
        public required List<(Guid VenueId, Actor Clerk)> TownHalls { get; init; }
        /// <summary>Who acts in a role on a department's cases.</summary>
        public required Dictionary<(Guid Department, string Role), Actor> Staff { get; init; }
        /// <summary>Who takes in at a comprehensive window.</summary>
        public required Dictionary<Guid, Actor> WindowClerks { get; init; }
        public required List<Actor> OnlineApplicants { get; init; }
        public required Dictionary<string, Applicant> ApplicantsByUser { get; init; }
    }

    private async Task<World> LoadWorldAsync(CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var byName = departments.ToDictionary(d => d.Name, d => d.Id);
        var deptIds = DemoCounty.Departments.ToDictionary(d => d.Key, d => byName[d.Name]);
        var center = await db.Venues.AsNoTracking().FirstAsync(v => v.Tier == VenueTier.CountyCenter && v.RegionCode == County, ct);
        var windows = await db.Windows.AsNoTracking().Where(w => w.VenueId == center.Id).ToDictionaryAsync(w => w.Number, ct);
        var townHalls = await db.Venues.AsNoTracking().Where(v => v.Tier == VenueTier.TownHall).OrderBy(v => v.RegionCode).ToListAsync(ct);

        // The county's staff: the demo accounts, and for every department and window without one a colleague who
        // appears in the history (an account without a password: they act in the record, nobody signs in as them).
        var staff = new Dictionary<(Guid, string), Actor>();
        var windowClerks = new Dictionary<Guid, Actor>();
        var existing = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              select new { u.Id, u.UserName, u.DisplayName, u.DepartmentId, u.VenueId, Role = r.Name! }).ToListAsync(ct);
        _roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var names = new Queue<string>(StaffNames.Concat(Surnames.SelectMany(x => GivenNames.Select(y => x + y)).Where(n => n.Length == 3)));
        foreach (var d in DemoCounty.Departments)
        {
            var id = deptIds[d.Key];
            var window = DemoCounty.CenterWindows.First(w => w.DepartmentKey == d.Key);
            var shortName = window.Name.Replace("窗口", "", StringComparison.Ordinal);
            foreach (var (role, title, prefix) in new[] { (StaffRoles.WindowClerk, "窗口", "clerk"), (StaffRoles.Reviewer, " 审核人", "reviewer"), (StaffRoles.Approver, " 首席代表", "approver") })
            {
                var found = existing.FirstOrDefault(s => s.DepartmentId == id && s.Role == role);
                staff[(id, role)] = found is not null
                    ? new Actor(found.Id, found.DisplayName, role)
                    : AddStaff($"{prefix}.{d.Key.ToLowerInvariant()}", $"{shortName}{title} {names.Dequeue()}", role, id, center.Id);
            }
        }
        foreach (var w in DemoCounty.CenterWindows.Where(w => w.Kind == WindowKind.Comprehensive && w.Category != WindowCategory.None))
        {
            var found = existing.FirstOrDefault(s => s.Role == StaffRoles.WindowClerk && s.DepartmentId is null && s.VenueId == center.Id
                && DemoCounty.Staff.Any(x => x.UserName == s.UserName && x.WindowNumber == w.Number));
            windowClerks[windows[w.Number].Id] = found is not null
                ? new Actor(found.Id, found.DisplayName, StaffRoles.WindowClerk)
                : AddStaff($"clerk.{w.Number.ToLowerInvariant()}", $"综合窗口 {names.Dequeue()}", StaffRoles.WindowClerk, null, center.Id);
        }
        var halls = new List<(Guid, Actor)>();
        foreach (var (hall, i) in townHalls.Select((h, i) => (h, i)))
        {
            var found = existing.FirstOrDefault(s => s.Role == StaffRoles.WindowClerk && s.VenueId == hall.Id);
            halls.Add((hall.Id, found is not null
                ? new Actor(found.Id, found.DisplayName, StaffRoles.WindowClerk)
                : AddStaff($"clerk.town{i + 1:D2}", $"{hall.Name} {names.Dequeue()}", StaffRoles.WindowClerk, null, hall.Id)));
        }

        // Applicants who apply online have accounts: the demo citizen and a few neighbours.
        var online = new List<Actor>();
        var applicantsByUser = new Dictionary<string, Applicant>();
        var today = ChinaTime.DateOf(_now);
        var citizen = await users.FindByNameAsync(DemoCounty.DemoApplicant.Phone);
        if (citizen is not null)
        {
            online.Add(new Actor(citizen.Id, citizen.DisplayName, ApplicantRoles.Applicant));
            applicantsByUser[citizen.Id] = Applicant.Create(ApplicantKind.Person, DemoCounty.DemoApplicant.Name, DemoCounty.DemoApplicant.IdentityNumber, DemoCounty.DemoApplicant.Phone, today);
        }
        for (var i = 0; i < 12; i++)
        {
            var person = NewPerson(today);
            var account = new UserAccount { UserName = person.Phone, PhoneNumber = person.Phone, PhoneNumberConfirmed = true, DisplayName = person.Name, IdentityNumber = person.IdentityNumber };
            AddAccount(account, ApplicantRoles.Applicant);
            online.Add(new Actor(account.Id, account.DisplayName, ApplicantRoles.Applicant));
            applicantsByUser[account.Id] = person;
        }

        await unit.SaveAsync(ct);
        db.ChangeTracker.Clear();

        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published).ToListAsync(ct);
        var items = new List<Item>();
        foreach (var seed in DemoCatalog.Items)
        {
            if (DemoCounty.FenshiOwnItems.Any(i => i.Code == seed.Code))
            {
                continue; // a town-own item is decided in the town (ADR 0035); the history builds county cases directly and would charge it to the county
            }
            var version = versions.FirstOrDefault(v => v.ItemCode == seed.Code);
            if (version is null)
            {
                continue;
            }
            var deptWindow = DemoCounty.CenterWindows.First(w => w.DepartmentKey == seed.Dept);
            var comprehensive = DemoCounty.CenterWindows.First(w => w.Kind == WindowKind.Comprehensive && w.Category == deptWindow.Category);
            items.Add(new Item(CaseTemplate.ForItem(version), seed.Dept, Weight(seed), windows[deptWindow.Number].Id, windows[comprehensive.Number].Id));
        }
        var combined = new List<Combined>();
        foreach (var c in await db.CombinedItems.AsNoTracking().Where(c => c.Status == VersionStatus.Published).OrderBy(c => c.Code).ToListAsync(ct))
        {
            var members = versions.Where(v => c.MemberCodes.Contains(v.ItemCode)).ToList();
            combined.Add(new Combined(CaseTemplate.ForCombined(c, members), members, windows["A04"].Id));
        }
        return new World
        {
            Items = items, Combined = combined, CenterId = center.Id, TownHalls = halls, Staff = staff, WindowClerks = windowClerks,
            OnlineApplicants = online, ApplicantsByUser = applicantsByUser,
        };
    }

    /// <summary>How often an item is asked for: instant items and the everyday ones (marriage, business, tax, social security, property) most.</summary>
    private static int Weight(DemoCatalog.Seed seed)
    {
        var weight = seed.Promised == 0 ? 6 : 3;
        if (seed.Dept is "SJ" or "SW" or "RS" or "GA" or "BDC")
        {
            weight += 4;
        }
        if (seed.Type == ItemType.AdministrativeLicense && seed.Statutory >= 20)
        {
            weight = Math.Max(1, weight - 2);
        }
        return weight;
    }

    /// <summary>
    /// An account added to the unit of work (saved with the county's other history accounts in one go): named and
    /// stamped as the identity store would, with its role, and no password.
    /// </summary>
    private Actor AddStaff(string userName, string displayName, string role, Guid? departmentId, Guid venueId)
    {
        var user = new UserAccount { UserName = userName, DisplayName = displayName, DepartmentId = departmentId, VenueId = venueId };
        AddAccount(user, role);
        return new Actor(user.Id, displayName, role);
    }

    private void AddAccount(UserAccount user, string role)
    {
        user.NormalizedUserName = users.NormalizeName(user.UserName);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = _roleIds[role] });
    }

    // ---- The plan: who comes when, for what ---------------------------------------------------------------------------

    private enum Channel { Window, Online, TownHall }

    private enum Fate { Normal, Correction, Rejected, Withdrawn, Denied, Suspended, Extended, Late, Stalled }

    /// <param name="Recent">Received in the last few working days: more of them still wait for acceptance or for a correction.</param>
    private sealed record CasePlan(DateTime At, Item? Item, Combined? Combined, Channel Channel, Fate Fate, bool Recent = false);

    private List<CasePlan> Plan(World world)
    {
        var plans = new List<CasePlan>();
        var totalWeight = world.Items.Sum(i => i.Weight);
        var first = ChinaTime.DateOf(_now).AddDays(-Days);
        var recentFrom = _calendar.SubtractWorkingDays(ChinaTime.DateOf(_now), 3);
        for (var day = first; day <= ChinaTime.DateOf(_now); day = day.AddDays(1))
        {
            var working = _calendar.IsWorkingDay(day);
            // A hall's day: some 9 to 16 applications; online ones come in every day, fewer at weekends.
            var count = working ? _random.Next(9, 17) : _random.Next(0, 3);
            for (var i = 0; i < count; i++)
            {
                var channel = !working ? Channel.Online : _random.NextDouble() switch { < 0.62 => Channel.Window, < 0.88 => Channel.Online, _ => Channel.TownHall };
                var at = channel == Channel.Online ? At(day, 7.5, 23) : At(day, 8.6, 17.3);
                if (at >= _now.AddMinutes(-30))
                {
                    continue;
                }
                if (working && channel == Channel.Window && _random.NextDouble() < 0.035 && world.Combined.Count > 0)
                {
                    plans.Add(new CasePlan(at, null, world.Combined[_random.Next(world.Combined.Count)], channel, PickFate(instant: false, joint: true)));
                    continue;
                }
                var pick = _random.Next(totalWeight);
                var item = world.Items.First(x => (pick -= x.Weight) < 0);
                var recent = day >= recentFrom;
                var fate = recent && !item.Template.IsInstant && _random.NextDouble() < 0.15 ? Fate.Correction : PickFate(item.Template.IsInstant, joint: false);
                plans.Add(new CasePlan(at, item, null, channel, fate, recent));
            }
        }
        return [.. plans.OrderBy(p => p.At)];
    }

    private Fate PickFate(bool instant, bool joint)
    {
        var x = _random.NextDouble();
        if (instant)
        {
            return x < 0.03 ? Fate.Rejected : Fate.Normal;
        }
        if (joint)
        {
            return x < 0.04 ? Fate.Late : Fate.Normal;
        }
        // A well-run hall (the seeds report 按期办结率 of 99.56 % to 100 %): a few late or stalled cases for supervision to
        // show, not one in ten.
        return x switch
        {
            < 0.06 => Fate.Correction,
            < 0.09 => Fate.Rejected,
            < 0.11 => Fate.Withdrawn,
            < 0.15 => Fate.Denied,
            < 0.19 => Fate.Suspended,
            < 0.22 => Fate.Extended,
            < 0.24 => Fate.Late,
            < 0.25 => Fate.Stalled,
            _ => Fate.Normal,
        };
    }

    /// <summary>An instant on a Beijing day between two hours (as decimal hours).</summary>
    private DateTime At(DateOnly day, double fromHour, double toHour) =>
        ChinaTime.StartOfDayUtc(day).AddMinutes(Math.Round((fromHour + _random.NextDouble() * (toHour - fromHour)) * 60));

    /// <summary>
    /// The next instant something happens to a case: <paramref name="workingDays"/> working days after <paramref name="t"/>
    /// in office hours (the same day a little later when zero), never before <paramref name="t"/>.
    /// </summary>
    private DateTime After(DateTime t, int workingDays)
    {
        if (workingDays <= 0)
        {
            return t.AddMinutes(_random.Next(8, 75));
        }
        var day = _calendar.AddWorkingDays(ChinaTime.DateOf(t), workingDays);
        var at = At(day, 8.6, 17.3);
        return at > t ? at : t.AddMinutes(_random.Next(8, 75));
    }

    // ---- Making a case ------------------------------------------------------------------------------------------------

    private sealed record Made(IReadOnlyList<Case> Cases, Domain.Cases.Rating? Rating);

    /// <summary>
    /// One step of a case's life at its instant; the life stops at the first step that would be after now (or that the
    /// domain refuses, which the log reports: the case then stays in the state it reached, its record intact).
    /// </summary>
    private sealed class Life(DateTime now, Action<DomainRuleException> refused)
    {
        public DateTime At { get; private set; }

        public bool Reached { get; private set; } = true;

        public Life Start(DateTime at)
        {
            At = at;
            return this;
        }

        public bool Step(DateTime at, Action act)
        {
            if (!Reached || at >= now)
            {
                Reached = false;
                return false;
            }
            var before = At;
            At = at; // the step's own instant, which the action reads
            try
            {
                act();
            }
            catch (DomainRuleException e)
            {
                At = before;
                refused(e);
                Reached = false;
                return false;
            }
            return true;
        }
    }

    private async Task<Made> MakeAsync(CasePlan plan, World world, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(_now);
        var template = plan.Item?.Template ?? plan.Combined!.Template;
        var materials = template.RequiredMaterials;
        var life = new Life(_now, e => { _refused++; logger.LogWarning("Demo history: a step was refused ({Code}: {Message})", e.Code, e.Message); });
        Case c;
        Actor clerk;
        Actor? applicantActor = null;
        var deptId = template.DepartmentId;
        if (plan.Channel == Channel.Online)
        {
            applicantActor = world.OnlineApplicants[_random.Next(world.OnlineApplicants.Count)];
            var applicant = world.ApplicantsByUser[applicantActor.Id];
            var drafted = plan.At.AddMinutes(-_random.Next(10, 180));
            c = Case.StartDraft(template, applicant, applicantActor, world.CenterId, County, drafted);
            if (template.Form.Count > 0)
            {
                c.SaveDraft(applicant, [], applicantActor, drafted, form: new FormFilled(template.Form, Answers(template.Code, applicant)));
            }
            var number = await CaseNumbers.NextAsync(db, County, ChinaTime.DateOf(plan.At), ct);
            c.Submit(number, materials, applicantActor, plan.At, _calendar, template.Form);
            life.Start(plan.At);
            clerk = world.Staff[(deptId, StaffRoles.WindowClerk)];
            // Pre-reviewed within the working day the center has for it.
            var preReviewed = _calendar.IsWorkingDay(ChinaTime.DateOf(plan.At)) && ChinaTime.ToLocal(plan.At).Hour < 16 ? After(plan.At, 0) : After(plan.At, 1);
            if (!life.Step(preReviewed, () => c.PassPreReview(clerk, preReviewed, _calendar, "材料形式完整，预审通过")))
            {
                return await SaveAsync(c, [], null, plan.At, ct);
            }
        }
        else
        {
            var applicant = plan.Item is { } item && !item.Template.IsJoint && (_random.NextDouble() < 0.35) && IsForEnterprises(item)
                ? NewEnterprise(today)
                : NewPerson(today);
            Guid venue;
            Guid? window = null;
            var channel = CaseChannel.Window;
            if (plan.Channel == Channel.TownHall)
            {
                (venue, clerk) = world.TownHalls[_random.Next(world.TownHalls.Count)];
                channel = CaseChannel.ProxyIntake;
            }
            else if (plan.Combined is { } combined)
            {
                venue = world.CenterId;
                window = combined.WindowId;
                clerk = world.WindowClerks[combined.WindowId];
            }
            else
            {
                venue = world.CenterId;
                var atDept = _random.NextDouble() < 0.6;
                window = atDept ? plan.Item!.DeptWindowId : plan.Item!.ComprehensiveWindowId;
                clerk = atDept ? world.Staff[(deptId, StaffRoles.WindowClerk)] : world.WindowClerks[window.Value];
            }
            var number = await CaseNumbers.NextAsync(db, County, ChinaTime.DateOf(plan.At), ct);
            // A refused or corrected application was handed in short of a material; the others complete.
            var handedIn = plan.Fate is Fate.Correction && materials.Count > 1 ? materials.Take(materials.Count - 1).ToList() : materials;
            c = Case.Receive(number, template, applicant, channel, venue, County, handedIn, clerk, plan.At, _calendar, window, Answers(template.Code, applicant));
            life.Start(plan.At);
        }
        var extra = new List<Case>();
        Domain.Cases.Rating? rating = null;
        var windowClerk = world.Staff.GetValueOrDefault((deptId, StaffRoles.WindowClerk)) ?? clerk;
        if (c.IsJoint)
        {
            windowClerk = clerk;
        }

        // Intake: refused, corrected once, or accepted (an instant item concluded in the sitting).
        if (plan.Fate == Fate.Rejected)
        {
            life.Step(After(life.At, 0), () => c.RejectAtIntake("依据《中华人民共和国行政许可法》第三十二条，申请人不具备该事项的申请资格，不予受理。",
                "如有疑问可咨询" + DemoCounty.SupervisionPhone, clerk, life.At));
            rating = MaybeRate(c, life);
            return await SaveAsync(c, extra, rating, life.At, ct);
        }
        if (plan.Fate == Fate.Correction)
        {
            var missing = c.RequiredMaterialsMissing.Count > 0 ? c.RequiredMaterialsMissing : [materials[^1]];
            if (!life.Step(After(life.At, 0), () => c.RequestCorrection(missing, null, clerk, life.At))
                || !life.Step(After(life.At, _random.Next(2, 9)), () => c.Supplement(missing, clerk, life.At, _calendar)))
            {
                return await SaveAsync(c, extra, rating, life.At, ct);
            }
        }
        if (c.IsInstant)
        {
            if (c.OwesFees)
            {
                life.Step(After(life.At, 0), () => c.RecordPayment(Fee(c), Receipt(life.At), plan.Channel == Channel.Online, null, clerk, life.At, FeeLines(c)));
            }
            life.Step(After(life.At, 0), () => c.ConcludeInstantly(ResultNumber(c, life.At), clerk, life.At, _calendar, Scope(c)));
            rating = MaybeRate(c, life);
            return await SaveAsync(c, extra, rating, life.At, ct);
        }
        // Most are accepted in the sitting; some wait for the department's check until the next working day or two.
        var acceptAt = _random.NextDouble() < (plan.Recent ? 0.5 : 0.7) ? After(life.At, 0) : After(life.At, _random.Next(1, 3));
        if (!life.Step(acceptAt, () => c.Accept(clerk, life.At, _calendar, "材料齐全，符合法定形式，予以受理")))
        {
            return await SaveAsync(c, extra, rating, life.At, ct);
        }

        if (c.IsJoint)
        {
            var parts = c.FanOut(plan.Combined!.Members, life.At, _calendar);
            extra.AddRange(parts);
            HandleParts(c, parts, world, life, plan.Fate == Fate.Late);
            if (c.Status == CaseStatus.Decided)
            {
                Finish(c, parts, windowClerk, plan, life);
            }
            rating = MaybeRate(c, life);
            return await SaveAsync(c, extra, rating, life.At, ct);
        }

        Handle(c, world, life, plan.Fate);
        if (c.Status == CaseStatus.Decided)
        {
            Finish(c, [], windowClerk, plan, life);
        }
        rating = MaybeRate(c, life);
        return await SaveAsync(c, extra, rating, life.At, ct);
    }

    private static bool IsForEnterprises(Item item) => item.Template.Name.Contains("企业", StringComparison.Ordinal) || item.DeptKey is "SJ" or "SW" or "JT" or "ZJ";

    /// <summary>
    /// The nodes up to the decision, each by its department's person in the node's role, spread over the handling time
    /// (within the promise, or past it for a late case), with the plan's special procedure, extension or withdrawal.
    /// </summary>
    private void Handle(Case c, World world, Life life, Fate fate)
    {
        Actor As(string role) => world.Staff[(c.DepartmentId, role)];
        var promised = Math.Max(1, c.Clocks.PromisedLimitDays > 0 ? c.Clocks.PromisedLimitDays : c.Clocks.StatutoryLimitDays);
        var nodesLeft = Math.Max(1, c.DecisionNodeIndex - c.CurrentNodeIndex + 1);
        var budget = fate switch
        {
            Fate.Late => promised + _random.Next(1, 5),
            Fate.Stalled => 400, // sits at a node: open and, in time, overdue
            _ => Math.Max(1, (int)Math.Round(promised * (0.3 + _random.NextDouble() * 0.6))),
        };
        var perNode = Math.Max(0, budget / nodesLeft);
        var first = true;
        while (c.Status is CaseStatus.Accepted or CaseStatus.Suspended && life.Reached)
        {
            var node = c.CurrentNode!;
            var actor = As(node.ActingRole);
            if (first && fate == Fate.Withdrawn)
            {
                life.Step(After(life.At, _random.Next(1, 3)), () => c.Withdraw("申请人书面申请撤回申请", As(StaffRoles.WindowClerk), life.At));
                return;
            }
            if (first && fate == Fate.Suspended)
            {
                var procedure = _random.NextDouble() < 0.5 ? "现场勘查" : "公示";
                var expected = procedure == "公示" ? 7 : 3;
                if (!life.Step(After(life.At, 1), () => c.Suspend(procedure, expected, $"依法需要{procedure}，所需时间不计入办理时限", actor, life.At, _calendar))
                    || !life.Step(After(life.At, expected + _random.Next(-1, 1)), () => c.Resume($"{procedure}已完成，情况属实", actor, life.At, _calendar)))
                {
                    return;
                }
            }
            if (first && fate == Fate.Extended)
            {
                var approver = As(StaffRoles.Approver);
                if (!life.Step(After(life.At, Math.Max(1, promised / 2)), () => c.Extend(c.DefaultExtension, "情况复杂，需进一步核实，经本部门负责人批准延长办理期限", approver, life.At, _calendar)))
                {
                    return;
                }
            }
            first = false;
            // A case on time keeps each node within the node's own limit too; a late one runs over where it runs over.
            var at = After(life.At, fate switch
            {
                Fate.Stalled => budget,
                Fate.Late => perNode,
                _ => Math.Min(perNode, node.LimitWorkingDays ?? perNode),
            });
            if (c.CurrentNodeIndex == c.DecisionNodeIndex)
            {
                var deny = fate == Fate.Denied;
                life.Step(at, () => c.Decide(deny ? DecisionOutcome.Deny : DecisionOutcome.Grant,
                    deny ? "经审查，申请不符合法定条件，依据《中华人民共和国行政许可法》第三十八条第二款作出不予许可决定。申请人如不服，可自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。" : null,
                    actor, life.At, _calendar, deny ? null : Scope(c)));
                return;
            }
            life.Step(at, () => c.CompleteCurrentNode(actor, "经审查，材料真实有效，符合法定条件，同意", life.At, _calendar));
        }
    }

    /// <summary>A joint case's parts, handled by their departments in parallel, each step recorded in the joint case.</summary>
    private void HandleParts(Case joint, IReadOnlyList<Case> parts, World world, Life life, bool late)
    {
        var promised = Math.Max(1, joint.Clocks.PromisedLimitDays);
        // Each part's steps at their own instants, then all of them in time order, so the joint record moves forward.
        var steps = new List<(DateTime At, Case Part)>();
        foreach (var part in parts)
        {
            var at = life.At;
            for (var i = part.CurrentNodeIndex; i <= part.DecisionNodeIndex; i++)
            {
                // An instant item's part (公章刻制, 社保登记) is done the day it arrives; the others take part of the promise.
                at = After(at, part.IsInstant ? 0
                    : late && i == part.DecisionNodeIndex ? promised + _random.Next(1, 3) : _random.Next(0, Math.Max(1, promised / 2) + 1));
                steps.Add((at, part));
            }
        }
        foreach (var (at, part) in steps.OrderBy(s => s.At))
        {
            if (at < life.At)
            {
                continue; // cannot happen: each part's steps move forward from the acceptance
            }
            var actor = world.Staff[(part.DepartmentId, part.CurrentNode!.ActingRole)];
            var stepped = life.Step(at, () =>
            {
                if (part.CurrentNodeIndex == part.DecisionNodeIndex)
                {
                    part.Decide(DecisionOutcome.Grant, null, actor, at, _calendar, Scope(part));
                }
                else
                {
                    part.CompleteCurrentNode(actor, "经审查，材料真实有效，同意", at, _calendar);
                }
                joint.RecordPart(part, at, _calendar);
            });
            if (!stepped)
            {
                return;
            }
        }
    }

    /// <summary>The fee at the unified cashier, the result at the window and its delivery (a joint case's parts follow it).</summary>
    private void Finish(Case c, IReadOnlyList<Case> parts, Actor clerk, CasePlan plan, Life life)
    {
        if (c.Decision.Outcome != DecisionOutcome.Deny && c.OwesFees)
        {
            if (!life.Step(After(life.At, 0), () => c.RecordPayment(Fee(c), Receipt(life.At), plan.Channel == Channel.Online, null, clerk, life.At, FeeLines(c))))
            {
                return;
            }
        }
        var issueAt = After(life.At, _random.NextDouble() < 0.7 ? 0 : 1);
        var issued = life.Step(issueAt, () =>
        {
            var partNumbers = c.IsJoint ? parts.ToDictionary(p => p.Number, p => ResultNumber(p, issueAt)) : null;
            c.IssueResult(ResultNumber(c, issueAt), clerk, issueAt, _calendar, partNumbers);
            Follow(c, parts, issueAt);
        });
        if (!issued)
        {
            return;
        }
        var method = plan.Channel == Channel.Online && _random.NextDouble() < 0.5 ? DeliveryMethod.Mail : DeliveryMethod.WindowPickup;
        var deliverAt = After(life.At, _random.Next(0, 4));
        life.Step(deliverAt, () =>
        {
            c.Deliver(method, method == DeliveryMethod.Mail ? $"11{_random.NextInt64(10_000_000_000, 99_999_999_999)}" : null, clerk, deliverAt);
            Follow(c, parts, deliverAt);
        });
    }

    private void Follow(Case joint, IReadOnlyList<Case> parts, DateTime at)
    {
        foreach (var part in parts)
        {
            part.FollowJoint(joint, at, _calendar);
            joint.RecordPart(part, at, _calendar);
        }
    }

    private Domain.Cases.Rating? MaybeRate(Case c, Life life)
    {
        if (c.Status != CaseStatus.Concluded || _random.NextDouble() > 0.35)
        {
            return null;
        }
        var at = After(life.At, _random.Next(0, 3));
        if (at >= _now)
        {
            return null;
        }
        var x = _random.NextDouble();
        var (level, comment) = x switch
        {
            < 0.03 => (RatingLevel.Dissatisfied, "等候时间太长，窗口只开了一个"),
            < 0.05 => (RatingLevel.Fair, (string?)null),
            < 0.35 => (RatingLevel.Satisfied, null),
            _ => (RatingLevel.VerySatisfied, _random.NextDouble() < 0.2 ? "办事效率高，工作人员很耐心" : null),
        };
        return Domain.Cases.Rating.Rate(c, c.Channel == CaseChannel.Online ? CaseChannel.Online : CaseChannel.Window, level, comment, at, _calendar);
    }

    /// <summary>Adds the case (and its parts) with its events, numbers its notices and lets the hooks see it, at its last instant.</summary>
    private async Task<Made> SaveAsync(Case c, List<Case> parts, Domain.Cases.Rating? rating, DateTime at, CancellationToken ct)
    {
        var all = parts.Prepend(c).ToList();
        foreach (var x in all)
        {
            db.Cases.Add(x);
            db.CaseEvents.AddRange(x.NewEvents);
        }
        foreach (var x in all)
        {
            await NoticeNumbers.AssignAsync(db, x, ct);
        }
        foreach (var x in all)
        {
            var last = x.NewEvents.Count == 0 ? at : x.NewEvents[^1].At;
            await hooks.MovedAsync(new CaseMoved(x, x.NewEvents, last, _calendar, IsNew: true), ct);
        }
        return new Made(all, rating);
    }

    /// <summary>
    /// What the supervision sweep would have done while the history happened: every watch of a case still open that
    /// came due before now is checked at the instant it came due, through the same hook, until none is due.
    /// </summary>
    private async Task SweepHistoryAsync(List<Case> open, CancellationToken ct)
    {
        var byId = open.ToDictionary(c => c.Id);
        for (var round = 0; round < 12; round++)
        {
            var ids = byId.Keys.ToList();
            var due = await db.SupervisionWatches.AsNoTracking()
                .Where(w => w.SubjectKind == Domain.Supervision.SubjectKind.Case && w.DueAt <= _now && ids.Contains(w.SubjectId))
                .Select(w => new { w.SubjectId, w.DueAt }).ToListAsync(ct);
            if (due.Count == 0)
            {
                return;
            }
            foreach (var chunk in due.OrderBy(w => w.DueAt).Chunk(CasesPerUnit))
            {
                await unit.RunAsync(async t =>
                {
                    foreach (var w in chunk)
                    {
                        await hooks.MovedAsync(new CaseMoved(byId[w.SubjectId], [], w.DueAt, _calendar, IsNew: false), t);
                    }
                }, ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    // ---- Applicants, numbers, fees ------------------------------------------------------------------------------------

    private static readonly string[] Surnames = ["李", "王", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "谢", "曹", "邓", "唐", "欧阳"];
    private static readonly string[] GivenNames = ["建华", "秀英", "志强", "丽娟", "国平", "海燕", "军", "敏", "伟", "芳", "小红", "春生", "桂兰", "永刚", "晓东", "玉梅", "德明", "雪梅", "文斌", "红霞", "子轩", "梓涵", "浩然", "思琪"];
    private static readonly string[] StaffNames = ["邓春华", "曾志远", "彭丽", "蒋文", "肖红梅", "段志刚", "雷鸣", "谭晓燕", "廖建军", "龙海", "黎静", "易小兵",
        "侯佳", "邹敏", "向东", "罗小勇", "谢婷", "尹国庆", "钟慧", "汤斌", "袁芳", "毛立新", "贺晨", "邱云", "熊亮", "石磊", "夏雨", "邵华", "万里", "严冬",
        "付强", "覃娜", "阳光", "戴维", "姚丹", "卢军", "江涛", "白雪", "崔浩", "康宁", "田甜", "文静"];
    private static readonly string[] Trades = ["农业科技", "商贸", "餐饮管理", "建材", "物流", "矿业", "电子科技", "家政服务", "文化传媒", "旅游开发", "食品", "石材"];

    private Applicant NewPerson(DateOnly today)
    {
        var name = Surnames[_random.Next(Surnames.Length)] + GivenNames[_random.Next(GivenNames.Length)];
        var birth = new DateOnly(1950, 1, 1).AddDays(_random.Next(0, 365 * 53));
        var first17 = $"431025{birth:yyyyMMdd}{_random.Next(0, 1000):D3}";
        var id = first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
        var phone = $"1{_random.Next(3, 9)}{_random.Next(0, 10)}{_random.Next(0, 100_000_000):D8}";
        return Applicant.Create(ApplicantKind.Person, name, id, phone, today);
    }

    /// <summary>
    /// The application form as this applicant fills it in: the demo's sample answers under the enterprise's own name (an
    /// enterprise applying) or a name of the founder's choosing (a person registering one).
    /// </summary>
    private Dictionary<string, string?> Answers(string code, Applicant applicant)
    {
        var answers = DemoApplicationForms.SampleAnswers(code);
        if (answers.ContainsKey(ApplicationForm.EnterpriseNameKey))
        {
            answers[ApplicationForm.EnterpriseNameKey] = applicant.Kind == ApplicantKind.Enterprise
                ? applicant.Name
                : $"临武县{applicant.Name[..1]}{GivenNames[_random.Next(GivenNames.Length)]}{Trades[_random.Next(Trades.Length)]}有限公司";
        }
        return answers;
    }

    private Applicant NewEnterprise(DateOnly today)
    {
        var name = $"临武县{Surnames[_random.Next(Surnames.Length - 1)]}{GivenNames[_random.Next(GivenNames.Length)]}{Trades[_random.Next(Trades.Length)]}有限公司";
        var first17 = $"91431025MA{_random.Next(0, 10_000_000):D7}";
        var code = first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
        var phone = $"0735-63{_random.Next(0, 100_000):D5}";
        return Applicant.Create(ApplicantKind.Enterprise, name, code, phone, today);
    }

    /// <summary>The published standard, or for a fee set case by case a plausible amount.</summary>
    private decimal Fee(Case c) => c.Payment.Fees.Any(f => f.StandardAmount is null) ? (_variableFee = 20m * _random.Next(2, 30)) + c.StandardFeeTotal : c.StandardFeeTotal;

    private decimal _variableFee;

    /// <summary>What <see cref="Fee"/> paid per fee line: each fixed line its standard, the first varying line the rest, other varying lines nothing.</summary>
    private IReadOnlyList<decimal> FeeLines(Case c)
    {
        var first = c.Payment.Fees.ToList().FindIndex(f => f.StandardAmount is null);
        return [.. c.Payment.Fees.Select((f, i) => f.StandardAmount ?? (i == first ? _variableFee : 0m))];
    }

    private string Receipt(DateTime at) => $"HN{ChinaTime.DateOf(at):yyyyMMdd}{_random.Next(0, 1_000_000):D6}";

    /// <summary>A result number in its item's own series for the year.</summary>
    private string ResultNumber(Case c, DateTime at)
    {
        var year = ChinaTime.DateOf(at).Year;
        var key = $"{c.ItemCode}/{year}";
        var n = _resultSeries[key] = _resultSeries.GetValueOrDefault(key) + 1;
        return $"{c.ItemCode.Replace("431025-", "临", StringComparison.Ordinal)}-{year}-{n:D5}";
    }

    private static string? Scope(Case c) => c.ResultScopeLabel is null ? null : $"{c.ResultScopeLabel}：按申请核定（见申请书）";
}
