using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog;

public sealed record ImportRowResult(int Row, string Code, string Outcome, string? Error);

/// <summary>
/// The catalog as a CSV file with the column headers of a 实施清单, one item per row (UTF-8 with BOM so that
/// Excel opens it). List cells hold one entry per line with fields separated by '｜'. Export writes each item's
/// newest version; import puts each row into the item's draft (creating the item or the draft as needed) and
/// never publishes: an administrator reviews and publishes.
/// </summary>
public sealed class CatalogCsv(OneWindowDbContext db, ManageCatalog catalog)
{
    public static readonly string[] Headers =
    [
        "事项编码", "事项名称", "事项类型", "基本目录编码", "设定依据", "实施机构", "服务对象", "办件类型",
        "法定办结时限", "法定时限说明", "承诺办结时限", "申请材料", "受理条件", "办理流程", "特殊环节", "收费项目",
        "办理地点", "办理地址", "办理窗口", "办公时间", "咨询电话", "监督投诉电话", "到办事现场次数", "网上办理深度",
        "审批结果名称", "审批结果类型", "送达方式", "关键词", "主题", "常见问题", "版本", "状态",
        "结果有效期（月）", "许可范围名称", "申请表",
    ];

    private const char Sep = '｜';

    public async Task WriteAsync(Stream output, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await Csv.WriteRowAsync(writer, Headers);
        string? after = null;
        while (true)
        {
            // Newest version of each item, a page of items at a time (keyset on the code).
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset index.
            var codes = await db.ServiceItems.AsNoTracking().Where(i => after == null || string.Compare(i.Code, after) > 0)
                .OrderBy(i => i.Code).Select(i => i.Code).Take(200).ToListAsync(ct);
#pragma warning restore CA1309
            if (codes.Count == 0)
            {
                break;
            }
            var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode)).ToListAsync(ct);
            foreach (var v in versions.GroupBy(v => v.ItemCode).Select(g => g.MaxBy(v => v.VersionNumber)!).OrderBy(v => v.ItemCode, StringComparer.Ordinal))
            {
                await Csv.WriteRowAsync(writer, ToFields(v, departments.GetValueOrDefault(v.DepartmentId, "")));
            }
            after = codes[^1];
        }
    }

    public async Task<IReadOnlyList<ImportRowResult>> ImportAsync(Stream input, string actor, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        List<string[]> rows;
        try
        {
            rows = [.. Csv.Read(reader)];
        }
        catch (FormatException e)
        {
            throw new DomainRuleException("import.malformed", e.Message);
        }
        if (rows.Count == 0)
        {
            throw new DomainRuleException("import.empty", "文件为空。");
        }
        var header = rows[0].Select(h => h.Trim()).ToArray();
        var missing = Headers.Take(30).Except(header).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("import.headers", "缺少列: " + string.Join("、", missing));
        }
        var columns = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
        var results = new List<ImportRowResult>();
        for (var row = 2; row <= rows.Count; row++)
        {
            var cells = rows[row - 1];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string Field(string name) => columns.TryGetValue(name, out var i) && i < cells.Length ? cells[i].Trim() : "";
            var code = Field("事项编码");
            try
            {
                var guide = ParseGuide(Field, departments);
                var outcome = await SaveAsync(code, guide, actor, ct);
                results.Add(new ImportRowResult(row, code, outcome, null));
            }
            catch (Exception e) when (e is DomainRuleException or FormatException)
            {
                db.ChangeTracker.Clear();
                results.Add(new ImportRowResult(row, code, "error", e.Message));
            }
        }
        return results;
    }

    private async Task<string> SaveAsync(string code, ServiceGuide guide, string actor, CancellationToken ct)
    {
        // A file exported from another installation is not here: the row keeps the form's title without the file.
        guide = await catalog.WithoutUnknownFilesAsync(guide, ct);
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => v.ItemCode == code)
            .Select(v => new { v.VersionNumber, v.Status, v.Revision }).ToListAsync(ct);
        if (versions.Count == 0)
        {
            await catalog.CreateItemAsync(code, guide, actor, ct);
            return "created";
        }
        var draft = versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);
        if (draft is null)
        {
            var started = await catalog.StartDraftAsync(code, actor, "导入", ct);
            await catalog.EditDraftAsync(code, started.VersionNumber, started.Revision, guide, actor, "导入", ct);
            return "draft-created";
        }
        await catalog.EditDraftAsync(code, draft.VersionNumber, draft.Revision, guide, actor, "导入", ct);
        return "draft-updated";
    }

    private static IEnumerable<string> ToFields(ServiceItemVersion v, string departmentName)
    {
        var g = v.Guide;
        return
        [
            v.ItemCode, g.Name, EnumText.Zh(g.ItemType), g.BasicCatalogCode ?? "", g.LegalBasis, departmentName, EnumText.Zh(g.ApplicantTypes), EnumText.Zh(g.LimitKind),
            g.StatutoryLimitDays.ToString(CultureInfo.InvariantCulture), g.StatutoryLimitNote ?? "", g.PromisedLimitDays.ToString(CultureInfo.InvariantCulture),
            Lines(g.Materials, m => [m.Name, EnumText.Zh(m.Form), m.Copies.ToString(CultureInfo.InvariantCulture), EnumText.Zh(m.Requirement), m.Condition ?? "", EnumText.Zh(m.Source), m.SourceDescription ?? "", m.TemplateFile ?? "", m.SampleFile ?? "", m.Notes ?? "",
                m.TemplateFileId?.ToString() ?? "", m.SampleFileId?.ToString() ?? "", m.Deferrable ? "可容缺" : "", m.SharedAs ?? ""]),
            string.Join('\n', g.AcceptanceConditions),
            Lines(g.ProcessNodes, n => [n.Name, n.ActingRole, n.LimitWorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "", n.Description ?? ""]),
            Lines(g.SpecialProcedures, p => [p.Name, p.ExpectedWorkingDays.ToString(CultureInfo.InvariantCulture), p.LegalBasis ?? "", p.CountsTowardLimit ? "计入" : "不计入"]),
            Lines(g.Fees, f => [f.Name, f.Amount?.ToString(CultureInfo.InvariantCulture) ?? "", f.StandardText ?? "", f.Basis]),
            g.HandlingVenue ?? "", g.HandlingAddress ?? "", g.Windows ?? "", g.OfficeHours ?? "", g.ConsultationPhone ?? "", g.SupervisionPhone ?? "",
            EnumText.Zh(g.HallVisits), EnumText.Zh(g.OnlineDepth), g.ResultName ?? "", EnumText.Zh(g.ResultType), EnumText.Zh(g.DeliveryMethods),
            string.Join('\n', g.Keywords), string.Join('\n', g.Themes),
            Lines(g.Faqs, f => [f.Question, f.Answer]),
            v.VersionNumber.ToString(CultureInfo.InvariantCulture), EnumText.Zh(v.Status),
            g.ResultValidityMonths?.ToString(CultureInfo.InvariantCulture) ?? "", g.ResultScopeLabel ?? "",
            Lines(g.Form, f => [f.Key, f.Label, EnumText.Zh(f.Type), f.Required ? "必填" : "选填", f.Group ?? "", f.Help ?? "", string.Join('、', f.Options),
                f.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "", f.Min?.ToString(CultureInfo.InvariantCulture) ?? "",
                f.Max?.ToString(CultureInfo.InvariantCulture) ?? "", f.Unit ?? ""]),
        ];
    }

    private static string Lines<T>(IEnumerable<T> rows, Func<T, string[]> fields) =>
        string.Join('\n', rows.Select(r => string.Join(Sep, fields(r).Select(f => f.Replace('\n', ' ').Replace(Sep, '|')))));

    private static ServiceGuide ParseGuide(Func<string, string> F, IReadOnlyDictionary<string, Guid> departments)
    {
        var departmentName = F("实施机构");
        if (!departments.TryGetValue(departmentName, out var departmentId))
        {
            throw new FormatException($"未知的实施机构“{departmentName}”");
        }
        return new ServiceGuide
        {
            Name = F("事项名称"),
            ItemType = Enum<ItemType>(F("事项类型"), "事项类型"),
            BasicCatalogCode = NullIfEmpty(F("基本目录编码")),
            LegalBasis = F("设定依据"),
            DepartmentId = departmentId,
            ApplicantTypes = (F("服务对象").Contains("自然人", StringComparison.Ordinal) ? ApplicantTypes.Person : ApplicantTypes.None)
                | (F("服务对象").Contains("企业", StringComparison.Ordinal) ? ApplicantTypes.Enterprise : ApplicantTypes.None),
            LimitKind = Enum<LimitKind>(F("办件类型"), "办件类型"),
            StatutoryLimitDays = Int(F("法定办结时限"), "法定办结时限"),
            StatutoryLimitNote = NullIfEmpty(F("法定时限说明")),
            PromisedLimitDays = Int(F("承诺办结时限"), "承诺办结时限"),
            Materials = [.. Rows(F("申请材料")).Select(r => new Material
            {
                Name = At(r, 0),
                Form = Enum<MaterialForm>(At(r, 1, "原件"), "材料形式"),
                Copies = Int(At(r, 2, "1"), "份数"),
                Requirement = Enum<MaterialRequirement>(At(r, 3, "必要"), "必要性"),
                Condition = NullIfEmpty(At(r, 4)),
                Source = Enum<MaterialSource>(At(r, 5, "申请人自备"), "材料来源"),
                SourceDescription = NullIfEmpty(At(r, 6)),
                TemplateFile = NullIfEmpty(At(r, 7)),
                SampleFile = NullIfEmpty(At(r, 8)),
                Notes = NullIfEmpty(At(r, 9)),
                TemplateFileId = FileId(At(r, 10)),
                SampleFileId = FileId(At(r, 11)),
                Deferrable = At(r, 12) == "可容缺",
                SharedAs = NullIfEmpty(At(r, 13)),
            })],
            AcceptanceConditions = Split(F("受理条件")),
            ProcessNodes = [.. Rows(F("办理流程")).Select(r => new ProcessNode
            {
                Name = At(r, 0), ActingRole = At(r, 1, "WindowClerk"),
                LimitWorkingDays = At(r, 2) is { Length: > 0 } d ? Int(d, "环节时限") : null, Description = NullIfEmpty(At(r, 3)),
            })],
            SpecialProcedures = [.. Rows(F("特殊环节")).Select(r => new SpecialProcedure
            {
                Name = At(r, 0), ExpectedWorkingDays = Int(At(r, 1, "0"), "特殊环节时长"), LegalBasis = NullIfEmpty(At(r, 2)), CountsTowardLimit = At(r, 3) == "计入",
            })],
            Fees = [.. Rows(F("收费项目")).Select(r => new Fee
            {
                Name = At(r, 0),
                Amount = At(r, 1) is { Length: > 0 } a ? decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : throw new FormatException($"收费金额“{a}”不是数字") : null,
                StandardText = NullIfEmpty(At(r, 2)),
                Basis = At(r, 3),
            })],
            HandlingVenue = NullIfEmpty(F("办理地点")),
            HandlingAddress = NullIfEmpty(F("办理地址")),
            Windows = NullIfEmpty(F("办理窗口")),
            OfficeHours = NullIfEmpty(F("办公时间")),
            ConsultationPhone = NullIfEmpty(F("咨询电话")),
            SupervisionPhone = NullIfEmpty(F("监督投诉电话")),
            HallVisits = Enum<HallVisits>(F("到办事现场次数"), "到办事现场次数"),
            OnlineDepth = Enum<OnlineDepth>(F("网上办理深度"), "网上办理深度"),
            ResultName = NullIfEmpty(F("审批结果名称")),
            ResultType = Enum<ResultType>(F("审批结果类型"), "审批结果类型"),
            ResultValidityMonths = F("结果有效期（月）") is { Length: > 0 } months ? Int(months, "结果有效期（月）") : null,
            ResultScopeLabel = NullIfEmpty(F("许可范围名称")),
            DeliveryMethods = (F("送达方式").Contains("窗口领取", StringComparison.Ordinal) ? DeliveryMethods.WindowPickup : DeliveryMethods.None)
                | (F("送达方式").Contains("邮政寄递", StringComparison.Ordinal) ? DeliveryMethods.Mail : DeliveryMethods.None)
                | (F("送达方式").Contains("电子送达", StringComparison.Ordinal) ? DeliveryMethods.Electronic : DeliveryMethods.None),
            Keywords = Split(F("关键词")),
            Themes = Split(F("主题")),
            Faqs = [.. Rows(F("常见问题")).Select(r => new Faq { Question = At(r, 0), Answer = At(r, 1) })],
            Form = [.. Rows(F("申请表")).Select(r => new FormField
            {
                Key = At(r, 0), Label = At(r, 1), Type = Enum<FormFieldType>(At(r, 2, "单行文字"), "申请表字段类型"), Required = At(r, 3) == "必填",
                Group = NullIfEmpty(At(r, 4)), Help = NullIfEmpty(At(r, 5)),
                Options = [.. At(r, 6).Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                MaxLength = At(r, 7) is { Length: > 0 } max ? Int(max, "申请表最多字数") : null,
                Min = Number(At(r, 8), "申请表最小值"), Max = Number(At(r, 9), "申请表最大值"), Unit = NullIfEmpty(At(r, 10)),
            })],
        };
    }

    private static decimal? Number(string s, string field) =>
        s.Length == 0 ? null : decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{field}“{s}”不是数字");

    private static List<string> Split(string cell) => [.. cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static IEnumerable<string[]> Rows(string cell) => Split(cell).Select(line => line.Split(Sep));

    private static string At(string[] row, int i, string fallback = "") => i < row.Length && row[i].Trim().Length > 0 ? row[i].Trim() : fallback;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>A stored blank form or sample named by its id (exported with the guide), or none.</summary>
    private static Guid? FileId(string s) =>
        s.Length == 0 ? null : Guid.TryParse(s, out var id) ? id : throw new FormatException($"文件编号“{s}”无效");

    private static int Int(string s, string field) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{field}“{s}”不是整数");

    private static T Enum<T>(string s, string field) where T : struct, Enum =>
        EnumText.TryParseZh<T>(s, out var value) ? value : throw new FormatException($"{field}“{s}”不是有效取值");
}
