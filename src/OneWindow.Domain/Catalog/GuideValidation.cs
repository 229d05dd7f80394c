namespace OneWindow.Domain.Catalog;

/// <summary>One problem found in a guide: the field it concerns and a stable code.</summary>
public sealed record GuideProblem(string Field, string Code, string Message);

/// <summary>The rules a guide must satisfy before it can be published.</summary>
public static class GuideValidation
{
    /// <summary>The roles a process node can name: those that act on cases.</summary>
    public static readonly IReadOnlyList<string> ActingRoles = StaffRoles.CaseRoles;

    /// <summary>The longest text a guide may hold in any field (a legal basis, an answer).</summary>
    public const int MaxText = 4000;

    private const int MaxList = 200, MaxName = 200, MaxTag = 30, MaxKeywords = 20, MaxThemes = 10;
    private const int MaxValidityMonths = 1200;
    private const decimal MaxNumber = 100_000_000m; // fees in yuan, days, copies: no real guide comes near

    /// <summary>
    /// What even a draft must respect, complete or not: texts and lists of a sane size (a legal basis fits in
    /// 4,000 characters; a guide has no more than 200 materials), tags that fit the search index, and process nodes
    /// acted on by a real role. Checked on every save, so nothing oversized reaches the database.
    /// </summary>
    public static IReadOnlyList<GuideProblem> CheckShape(ServiceGuide g)
    {
        var problems = new List<GuideProblem>();
        Walk(System.Text.Json.JsonSerializer.SerializeToNode(g)!, "", problems);
        if (g.Name?.Trim().Length > MaxName) problems.Add(new(nameof(g.Name), "guide.name-too-long", $"事项名称最多 {MaxName} 字"));
        if (g.Keywords.Count > MaxKeywords || g.Keywords.Any(k => k.Length > MaxTag))
        {
            problems.Add(new(nameof(g.Keywords), "guide.keywords-too-long", $"关键词最多 {MaxKeywords} 个，每个最多 {MaxTag} 字"));
        }
        if (g.Themes.Count > MaxThemes || g.Themes.Any(t => t.Length > MaxTag))
        {
            problems.Add(new(nameof(g.Themes), "guide.themes-too-long", $"主题最多 {MaxThemes} 个，每个最多 {MaxTag} 字"));
        }
        // Names are what cases, notices and checklists carry: a name, not a paragraph.
        var names = g.Materials.Select((m, i) => ($"Materials[{i}].Name", m.Name))
            .Concat(g.ProcessNodes.Select((n, i) => ($"ProcessNodes[{i}].Name", n.Name)))
            .Concat(g.SpecialProcedures.Select((p, i) => ($"SpecialProcedures[{i}].Name", p.Name)))
            .Concat(g.Fees.Select((f, i) => ($"Fees[{i}].Name", f.Name)));
        foreach (var (field, name) in names.Where(n => n.Item2?.Trim().Length > MaxName))
        {
            problems.Add(new(field, "guide.name-too-long", $"{field} 最多 {MaxName} 字"));
        }
        problems.AddRange(ApplicationForm.CheckDefinition(g.Form));
        foreach (var (n, i) in g.ProcessNodes.Select((n, i) => (n, i)))
        {
            if (!ActingRoles.Contains(n.ActingRole))
            {
                problems.Add(new($"ProcessNodes[{i}].ActingRole", "guide.node-role-unknown", $"第 {i + 1} 个环节的办理角色应为 {string.Join("、", ActingRoles)} 之一"));
            }
        }
        return problems;
    }

    private static void Walk(System.Text.Json.Nodes.JsonNode? node, string path, List<GuideProblem> problems)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, path.Length == 0 ? key : path + "." + key, problems);
                }
                break;
            case System.Text.Json.Nodes.JsonArray array:
                if (array.Count > MaxList)
                {
                    problems.Add(new(path, "guide.list-too-long", $"{path} 最多 {MaxList} 项"));
                    return;
                }
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", problems);
                }
                break;
            case System.Text.Json.Nodes.JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().Length > MaxText:
                problems.Add(new(path, "guide.text-too-long", $"{path} 最多 {MaxText} 字"));
                break;
            case System.Text.Json.Nodes.JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number && value.GetValue<decimal>() is < 0 or > MaxNumber:
                problems.Add(new(path, "guide.number-out-of-range", $"{path} 应在 0 至 {MaxNumber} 之间"));
                break;
        }
    }

    public static IReadOnlyList<GuideProblem> Check(ServiceGuide g)
    {
        var problems = new List<GuideProblem>();
        void Add(string field, string code, string message) => problems.Add(new GuideProblem(field, code, message));

        if (string.IsNullOrWhiteSpace(g.Name)) Add(nameof(g.Name), "guide.name-required", "事项名称不能为空");
        if (string.IsNullOrWhiteSpace(g.LegalBasis)) Add(nameof(g.LegalBasis), "guide.legal-basis-required", "设定依据不能为空");
        if (g.DepartmentId == Guid.Empty) Add(nameof(g.DepartmentId), "guide.department-required", "实施机构不能为空");
        if (g.ApplicantTypes == ApplicantTypes.None) Add(nameof(g.ApplicantTypes), "guide.applicant-type-required", "至少选择一种服务对象");
        if (g.StatutoryLimitDays < 0 || g.PromisedLimitDays < 0) Add(nameof(g.PromisedLimitDays), "guide.limit-negative", "时限不能为负数");
        if (g.PromisedLimitDays > g.StatutoryLimitDays)
        {
            Add(nameof(g.PromisedLimitDays), "guide.promise-exceeds-statute", "承诺办结时限不得超过法定办结时限");
        }
        if (g.LimitKind == LimitKind.Instant && g.PromisedLimitDays != 0)
        {
            Add(nameof(g.PromisedLimitDays), "guide.instant-with-limit", "即办件的承诺时限应为 0 个工作日");
        }
        if (g.LimitKind == LimitKind.Promised && g.PromisedLimitDays == 0)
        {
            Add(nameof(g.PromisedLimitDays), "guide.promised-without-limit", "承诺件须填写承诺办结时限");
        }
        if (g.Materials.Count == 0) Add(nameof(g.Materials), "guide.materials-required", "至少列出一项申请材料");
        for (var i = 0; i < g.Materials.Count; i++)
        {
            var m = g.Materials[i];
            if (string.IsNullOrWhiteSpace(m.Name)) Add($"Materials[{i}].Name", "guide.material-name-required", $"第 {i + 1} 项材料缺少名称");
            if (m.Copies < 1) Add($"Materials[{i}].Copies", "guide.material-copies", $"第 {i + 1} 项材料份数至少为 1");
            if (m.Requirement == MaterialRequirement.Conditional && string.IsNullOrWhiteSpace(m.Condition))
            {
                Add($"Materials[{i}].Condition", "guide.material-condition-required", $"第 {i + 1} 项材料为情形要件，须写明适用情形");
            }
            // A form the guide lists is a form the public can download.
            if (!string.IsNullOrWhiteSpace(m.TemplateFile) && m.TemplateFileId is null)
            {
                Add($"Materials[{i}].TemplateFile", "guide.template-file-missing", $"第 {i + 1} 项材料列出了空白表格“{m.TemplateFile}”，请上传该文件");
            }
            if (!string.IsNullOrWhiteSpace(m.SampleFile) && m.SampleFileId is null)
            {
                Add($"Materials[{i}].SampleFile", "guide.sample-file-missing", $"第 {i + 1} 项材料列出了示范文本“{m.SampleFile}”，请上传该文件");
            }
        }
        CheckDeferrable(g, Add);
        if (g.ResultValidityMonths is < 1 or > MaxValidityMonths)
        {
            Add(nameof(g.ResultValidityMonths), "guide.validity-months", $"结果有效期应为 1–{MaxValidityMonths} 个月，长期有效的请留空");
        }
        if (g.ProcessNodes.Count == 0) Add(nameof(g.ProcessNodes), "guide.nodes-required", "至少列出一个办理环节");
        var nodeDays = g.ProcessNodes.Sum(n => n.LimitWorkingDays ?? 0);
        if (g.LimitKind == LimitKind.Promised && nodeDays > g.PromisedLimitDays)
        {
            Add(nameof(g.ProcessNodes), "guide.nodes-exceed-promise", $"各环节时限合计 {nodeDays} 个工作日，超过承诺时限 {g.PromisedLimitDays} 个工作日");
        }
        foreach (var (p, i) in g.SpecialProcedures.Select((p, i) => (p, i)))
        {
            if (string.IsNullOrWhiteSpace(p.Name)) Add($"SpecialProcedures[{i}].Name", "guide.procedure-name-required", $"第 {i + 1} 个特殊环节缺少名称");
            if (p.ExpectedWorkingDays < 0) Add($"SpecialProcedures[{i}].ExpectedWorkingDays", "guide.procedure-days", $"第 {i + 1} 个特殊环节时长不能为负数");
        }
        foreach (var (f, i) in g.Fees.Select((f, i) => (f, i)))
        {
            if (string.IsNullOrWhiteSpace(f.Basis)) Add($"Fees[{i}].Basis", "guide.fee-basis-required", $"第 {i + 1} 项收费缺少收费依据");
            if (f.Amount is null && string.IsNullOrWhiteSpace(f.StandardText)) Add($"Fees[{i}].Amount", "guide.fee-standard-required", $"第 {i + 1} 项收费缺少收费标准");
            if (f.Amount < 0) Add($"Fees[{i}].Amount", "guide.fee-negative", $"第 {i + 1} 项收费金额不能为负数");
        }
        if (string.IsNullOrWhiteSpace(g.ConsultationPhone)) Add(nameof(g.ConsultationPhone), "guide.consultation-phone-required", "须公布咨询电话");
        if (string.IsNullOrWhiteSpace(g.SupervisionPhone)) Add(nameof(g.SupervisionPhone), "guide.supervision-phone-required", "须公布监督投诉电话");
        if (string.IsNullOrWhiteSpace(g.HandlingAddress)) Add(nameof(g.HandlingAddress), "guide.address-required", "须写明办理地点");
        if (string.IsNullOrWhiteSpace(g.ResultName)) Add(nameof(g.ResultName), "guide.result-required", "须写明审批结果名称");
        if (g.DeliveryMethods == DeliveryMethods.None) Add(nameof(g.DeliveryMethods), "guide.delivery-required", "至少选择一种送达方式");
        CheckClaims(g, Add);
        return problems;
    }

    /// <summary>
    /// 容缺受理 is for a minor material the applicant hands in later: it must be one the applicant supplies and the
    /// acceptance waits for; the core materials cannot all be deferred; an instant item is done in one sitting.
    /// </summary>
    private static void CheckDeferrable(ServiceGuide g, Action<string, string, string> add)
    {
        var deferrable = g.Materials.Select((m, i) => (m, i)).Where(x => x.m.Deferrable).ToList();
        foreach (var (m, i) in deferrable.Where(x => x.m.Requirement != MaterialRequirement.Required || x.m.Source != MaterialSource.Applicant))
        {
            add($"Materials[{i}].Deferrable", "guide.deferrable-not-required", $"第 {i + 1} 项材料不是申请人提交的必要材料，无需容缺");
        }
        if (deferrable.Count == 0)
        {
            return;
        }
        if (g.LimitKind == LimitKind.Instant)
        {
            add(nameof(g.Materials), "guide.deferrable-instant", "即办件当场办结，不适用容缺受理");
        }
        var required = g.Materials.Where(m => m.Requirement == MaterialRequirement.Required && m.Source == MaterialSource.Applicant).ToList();
        if (required.Count > 0 && required.All(m => m.Deferrable))
        {
            add(nameof(g.Materials), "guide.all-deferrable", "容缺材料只能是次要材料，主要材料须在受理时提交");
        }
    }

    /// <summary>
    /// What the guide promises about visits agrees with how the item is done (《优化营商环境条例》§36): 零跑腿 and
    /// 全程网办 say the same thing — the applicant never has to come — so each requires the other, the result must
    /// reach the applicant without a visit (mail or electronic delivery), and no material may be an original to
    /// hand in or show at the window (online, a material is an electronic file or a scanned copy).
    /// </summary>
    private static void CheckClaims(ServiceGuide g, Action<string, string, string> add)
    {
        var zeroVisits = g.HallVisits == HallVisits.Zero;
        var fullyOnline = g.OnlineDepth == OnlineDepth.FullyOnline;
        if (zeroVisits && !fullyOnline)
        {
            add(nameof(g.OnlineDepth), "guide.zero-visits-not-online", "标明“零跑腿”的事项须能全程网办：网上办理深度应为四级（全程网办）");
        }
        if (fullyOnline && !zeroVisits)
        {
            add(nameof(g.HallVisits), "guide.online-with-visits", "全程网办的事项无须到现场：到办事现场次数应为“零跑腿”");
        }
        if (!zeroVisits && !fullyOnline)
        {
            return;
        }
        var claim = zeroVisits ? "零跑腿" : "全程网办";
        if (g.DeliveryMethods != DeliveryMethods.None && (g.DeliveryMethods & (DeliveryMethods.Mail | DeliveryMethods.Electronic)) == 0)
        {
            add(nameof(g.DeliveryMethods), "guide.no-visit-pickup-only", $"“{claim}”的事项须能邮寄或电子送达结果，不能只有窗口领取");
        }
        for (var i = 0; i < g.Materials.Count; i++)
        {
            if (g.Materials[i].Form is MaterialForm.Original or MaterialForm.OriginalAndCopy)
            {
                add($"Materials[{i}].Form", "guide.no-visit-original",
                    $"第 {i + 1} 项材料“{g.Materials[i].Name}”要求提交或核验原件，与“{claim}”矛盾：网上办理的材料应为电子材料或复印件（扫描件）");
            }
        }
    }
}
