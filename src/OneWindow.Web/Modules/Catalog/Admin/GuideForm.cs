using Microsoft.AspNetCore.Mvc.Rendering;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog.Admin;

/// <summary>The guide editor's form: the guide flattened into fields and rows that HTML forms can post.</summary>
public sealed class GuideForm
{
    public string Name { get; set; } = "";
    public ItemType ItemType { get; set; } = ItemType.AdministrativeLicense;
    public string? BasicCatalogCode { get; set; }
    public string LegalBasis { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public bool ForPerson { get; set; }
    public bool ForEnterprise { get; set; }
    public LimitKind LimitKind { get; set; } = LimitKind.Promised;
    public int StatutoryLimitDays { get; set; }
    public int PromisedLimitDays { get; set; }
    public string? StatutoryLimitNote { get; set; }
    public List<MaterialRow> Materials { get; set; } = [];
    /// <summary>The application form's questions (一表通), one row each.</summary>
    public List<FormFieldRow> FormFields { get; set; } = [];
    public string? AcceptanceConditions { get; set; }
    public List<NodeRow> Nodes { get; set; } = [];
    public List<ProcedureRow> Procedures { get; set; } = [];
    public List<FeeRow> Fees { get; set; } = [];
    public string? HandlingVenue { get; set; }
    public string? HandlingAddress { get; set; }
    public string? Windows { get; set; }
    public string? OfficeHours { get; set; }
    public string? ConsultationPhone { get; set; }
    public string? SupervisionPhone { get; set; }
    public HallVisits HallVisits { get; set; } = HallVisits.AtMostOnce;
    public OnlineDepth OnlineDepth { get; set; } = OnlineDepth.OnlinePreReview;
    public string? ResultName { get; set; }
    public ResultType ResultType { get; set; } = ResultType.Certificate;
    public int? ResultValidityMonths { get; set; }
    public string? ResultScopeLabel { get; set; }
    public bool DeliverPickup { get; set; }
    public bool DeliverMail { get; set; }
    public bool DeliverElectronic { get; set; }
    public List<FaqRow> Faqs { get; set; } = [];
    public string? Keywords { get; set; }
    public string? Themes { get; set; }

    public sealed class MaterialRow
    {
        public string? Name { get; set; }
        public MaterialForm Form { get; set; } = MaterialForm.Original;
        public int Copies { get; set; } = 1;
        public MaterialRequirement Requirement { get; set; } = MaterialRequirement.Required;
        public string? Condition { get; set; }
        public MaterialSource Source { get; set; } = MaterialSource.Applicant;
        public string? SourceDescription { get; set; }
        public string? TemplateFile { get; set; }
        public Guid? TemplateFileId { get; set; }
        public IFormFile? TemplateUpload { get; set; }
        public string? SampleFile { get; set; }
        public Guid? SampleFileId { get; set; }
        public IFormFile? SampleUpload { get; set; }
        public string? Notes { get; set; }
        public bool Deferrable { get; set; }
        public string? SharedAs { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class FormFieldRow
    {
        public string? Key { get; set; }
        public string? Label { get; set; }
        public FormFieldType Type { get; set; } = FormFieldType.Text;
        public bool Required { get; set; }
        public string? Group { get; set; }
        public string? Help { get; set; }
        /// <summary>A choice field's options, separated by 、 or new lines.</summary>
        public string? Options { get; set; }
        public int? MaxLength { get; set; }
        public decimal? Min { get; set; }
        public decimal? Max { get; set; }
        public string? Unit { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class NodeRow
    {
        public string? Name { get; set; }
        public string ActingRole { get; set; } = "WindowClerk";
        public int? LimitWorkingDays { get; set; }
        public string? Description { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class ProcedureRow
    {
        public string? Name { get; set; }
        public int ExpectedWorkingDays { get; set; }
        public string? LegalBasis { get; set; }
        public bool CountsTowardLimit { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class FeeRow
    {
        public string? Name { get; set; }
        public decimal? Amount { get; set; }
        public string? StandardText { get; set; }
        public string? Basis { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class FaqRow
    {
        public string? Question { get; set; }
        public string? Answer { get; set; }
        public bool Remove { get; set; }
    }

    public static GuideForm From(ServiceGuide g) => new()
    {
        Name = g.Name,
        ItemType = g.ItemType,
        BasicCatalogCode = g.BasicCatalogCode,
        LegalBasis = g.LegalBasis,
        DepartmentId = g.DepartmentId,
        ForPerson = g.ApplicantTypes.HasFlag(ApplicantTypes.Person),
        ForEnterprise = g.ApplicantTypes.HasFlag(ApplicantTypes.Enterprise),
        LimitKind = g.LimitKind,
        StatutoryLimitDays = g.StatutoryLimitDays,
        PromisedLimitDays = g.PromisedLimitDays,
        StatutoryLimitNote = g.StatutoryLimitNote,
        Materials = [.. g.Materials.Select(m => new MaterialRow
        {
            Name = m.Name, Form = m.Form, Copies = m.Copies, Requirement = m.Requirement, Condition = m.Condition, Source = m.Source,
            SourceDescription = m.SourceDescription, TemplateFile = m.TemplateFile, TemplateFileId = m.TemplateFileId,
            SampleFile = m.SampleFile, SampleFileId = m.SampleFileId, Notes = m.Notes, Deferrable = m.Deferrable, SharedAs = m.SharedAs,
        })],
        FormFields = [.. g.Form.Select(f => new FormFieldRow
        {
            Key = f.Key, Label = f.Label, Type = f.Type, Required = f.Required, Group = f.Group, Help = f.Help, Options = string.Join('、', f.Options),
            MaxLength = f.MaxLength, Min = f.Min, Max = f.Max, Unit = f.Unit,
        })],
        AcceptanceConditions = string.Join('\n', g.AcceptanceConditions),
        Nodes = [.. g.ProcessNodes.Select(n => new NodeRow { Name = n.Name, ActingRole = n.ActingRole, LimitWorkingDays = n.LimitWorkingDays, Description = n.Description })],
        Procedures = [.. g.SpecialProcedures.Select(p => new ProcedureRow { Name = p.Name, ExpectedWorkingDays = p.ExpectedWorkingDays, LegalBasis = p.LegalBasis, CountsTowardLimit = p.CountsTowardLimit })],
        Fees = [.. g.Fees.Select(f => new FeeRow { Name = f.Name, Amount = f.Amount, StandardText = f.StandardText, Basis = f.Basis })],
        HandlingVenue = g.HandlingVenue,
        HandlingAddress = g.HandlingAddress,
        Windows = g.Windows,
        OfficeHours = g.OfficeHours,
        ConsultationPhone = g.ConsultationPhone,
        SupervisionPhone = g.SupervisionPhone,
        HallVisits = g.HallVisits,
        OnlineDepth = g.OnlineDepth,
        ResultName = g.ResultName,
        ResultType = g.ResultType,
        ResultValidityMonths = g.ResultValidityMonths,
        ResultScopeLabel = g.ResultScopeLabel,
        DeliverPickup = g.DeliveryMethods.HasFlag(DeliveryMethods.WindowPickup),
        DeliverMail = g.DeliveryMethods.HasFlag(DeliveryMethods.Mail),
        DeliverElectronic = g.DeliveryMethods.HasFlag(DeliveryMethods.Electronic),
        Faqs = [.. g.Faqs.Select(f => new FaqRow { Question = f.Question, Answer = f.Answer })],
        Keywords = string.Join('、', g.Keywords),
        Themes = string.Join('、', g.Themes),
    };

    /// <summary>The guide the form describes; rows marked for removal or left blank are dropped.</summary>
    public ServiceGuide ToGuide() => new()
    {
        Name = Name.Trim(),
        ItemType = ItemType,
        BasicCatalogCode = Blank(BasicCatalogCode),
        LegalBasis = LegalBasis.Trim(),
        DepartmentId = DepartmentId,
        ApplicantTypes = (ForPerson ? ApplicantTypes.Person : ApplicantTypes.None) | (ForEnterprise ? ApplicantTypes.Enterprise : ApplicantTypes.None),
        LimitKind = LimitKind,
        StatutoryLimitDays = StatutoryLimitDays,
        PromisedLimitDays = PromisedLimitDays,
        StatutoryLimitNote = Blank(StatutoryLimitNote),
        Materials = [.. Materials.Where(m => !m.Remove && !string.IsNullOrWhiteSpace(m.Name)).Select(m => new Material
        {
            Name = m.Name!.Trim(), Form = m.Form, Copies = m.Copies, Requirement = m.Requirement, Condition = Blank(m.Condition), Source = m.Source,
            SourceDescription = Blank(m.SourceDescription), TemplateFile = Blank(m.TemplateFile), TemplateFileId = m.TemplateFileId,
            SampleFile = Blank(m.SampleFile), SampleFileId = m.SampleFileId, Notes = Blank(m.Notes), Deferrable = m.Deferrable, SharedAs = Blank(m.SharedAs),
        })],
        Form = [.. FormFields.Where(f => !f.Remove && !(string.IsNullOrWhiteSpace(f.Key) && string.IsNullOrWhiteSpace(f.Label))).Select(f => new FormField
        {
            Key = f.Key?.Trim() ?? "", Label = f.Label?.Trim() ?? "", Type = f.Type, Required = f.Required, Group = Blank(f.Group), Help = Blank(f.Help),
            Options = Words(f.Options), MaxLength = f.MaxLength, Min = f.Min, Max = f.Max, Unit = Blank(f.Unit),
        })],
        AcceptanceConditions = Lines(AcceptanceConditions),
        ProcessNodes = [.. Nodes.Where(n => !n.Remove && !string.IsNullOrWhiteSpace(n.Name))
            .Select(n => new ProcessNode { Name = n.Name!.Trim(), ActingRole = n.ActingRole, LimitWorkingDays = n.LimitWorkingDays, Description = Blank(n.Description) })],
        SpecialProcedures = [.. Procedures.Where(p => !p.Remove && !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => new SpecialProcedure { Name = p.Name!.Trim(), ExpectedWorkingDays = p.ExpectedWorkingDays, LegalBasis = Blank(p.LegalBasis), CountsTowardLimit = p.CountsTowardLimit })],
        Fees = [.. Fees.Where(f => !f.Remove && !string.IsNullOrWhiteSpace(f.Name))
            .Select(f => new Fee { Name = f.Name!.Trim(), Amount = f.Amount, StandardText = Blank(f.StandardText), Basis = f.Basis?.Trim() ?? "" })],
        HandlingVenue = Blank(HandlingVenue),
        HandlingAddress = Blank(HandlingAddress),
        Windows = Blank(Windows),
        OfficeHours = Blank(OfficeHours),
        ConsultationPhone = Blank(ConsultationPhone),
        SupervisionPhone = Blank(SupervisionPhone),
        HallVisits = HallVisits,
        OnlineDepth = OnlineDepth,
        ResultName = Blank(ResultName),
        ResultType = ResultType,
        ResultValidityMonths = ResultValidityMonths,
        ResultScopeLabel = Blank(ResultScopeLabel),
        DeliveryMethods = (DeliverPickup ? DeliveryMethods.WindowPickup : DeliveryMethods.None)
            | (DeliverMail ? DeliveryMethods.Mail : DeliveryMethods.None)
            | (DeliverElectronic ? DeliveryMethods.Electronic : DeliveryMethods.None),
        Faqs = [.. Faqs.Where(f => !f.Remove && !string.IsNullOrWhiteSpace(f.Question))
            .Select(f => new Faq { Question = f.Question!.Trim(), Answer = f.Answer?.Trim() ?? "" })],
        Keywords = Words(Keywords),
        Themes = Words(Themes),
    };

    /// <summary>Appends a blank row to a list section (the "add" buttons work without JavaScript).</summary>
    public void AddRow(string? section)
    {
        switch (section)
        {
            case nameof(Materials): Materials.Add(new MaterialRow()); break;
            case nameof(FormFields): FormFields.Add(new FormFieldRow()); break;
            case nameof(Nodes): Nodes.Add(new NodeRow()); break;
            case nameof(Procedures): Procedures.Add(new ProcedureRow()); break;
            case nameof(Fees): Fees.Add(new FeeRow()); break;
            case nameof(Faqs): Faqs.Add(new FaqRow()); break;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> Lines(string? s) => [.. (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<string> Words(string? s) =>
        [.. (s ?? "").Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}
