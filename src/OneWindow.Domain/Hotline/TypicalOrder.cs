namespace OneWindow.Domain.Hotline;

/// <summary>The public version the center's staff write of a concluded order: the title, the question and the answer in their own words.</summary>
public sealed record TypicalText(string? Title, string? Question, string? Answer);

/// <summary>
/// 典型工单: a concluded order the caller consented to publish, as the public reads it. Nothing of the order is copied
/// as it was said: the staff write the title, the question and the answer in their own de-identified words; the place
/// is the town (or the county) only; the category, the handling unit and the dates come from the order. Each text is
/// screened for personal data (<see cref="PersonalDataScreen"/>). Edited on its revision (a stale edit is refused);
/// unpublished by the staff or at once when the caller withdraws the consent; published again by the staff while the
/// consent stands.
/// </summary>
public sealed class TypicalOrder
{
    public const int MaxTitleLength = 60, MaxQuestionLength = 1000, MaxAnswerLength = 2000;

    private TypicalOrder() { }

    public Guid Id { get; private set; }
    public Guid WorkOrderId { get; private set; }
    public string Title { get; private set; } = "";
    public string CategoryCode { get; private set; } = "";
    /// <summary>The category's group (城乡建设, 交通运输, …), the public page's filter; the category itself when it has none.</summary>
    public string GroupCode { get; private set; } = "";
    /// <summary>The place to the town: the order's region with the village part cleared (a county-level region stays the county).</summary>
    public string PlaceCode { get; private set; } = "";
    public string Question { get; private set; } = "";
    public string Answer { get; private set; } = "";
    public Guid? HandlingUnitId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly ConcludedOn { get; private set; }
    public bool Published { get; private set; }
    /// <summary>When it was (last) put on the public page: the page's order, newest first.</summary>
    public DateTime PublishedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTime? UnpublishedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>The town of a 12-digit region code: the village part (the last three digits) cleared.</summary>
    public static string TownOf(string regionCode) => regionCode.Length == 12 ? regionCode[..9] + "000" : regionCode;

    /// <summary>Publishes an order: concluded, with the caller's consent standing, the text free of personal data.</summary>
    public static TypicalOrder Publish(WorkOrder order, string? groupCode, TypicalText text, PersonalDataContext screen, string by, DateTime now)
    {
        var typical = new TypicalOrder
        {
            Id = Guid.CreateVersion7(now),
            WorkOrderId = order.Id,
        };
        typical.PublishAgain(order, groupCode, text, screen, by, now);
        return typical;
    }

    /// <summary>Puts an unpublished typical order back on the page with the text written now.</summary>
    public void PublishAgain(WorkOrder order, string? groupCode, TypicalText text, PersonalDataContext screen, string by, DateTime now)
    {
        if (order.Id != WorkOrderId)
        {
            throw new InvalidOperationException("The typical order is of another work order.");
        }
        if (Published)
        {
            throw new DomainRuleException("hotline.typical-published", "该工单已公开为典型工单，请修改已公开的内容。");
        }
        EnsureMayPublish(order);
        SetText(text, screen);
        CategoryCode = order.CategoryCode;
        GroupCode = string.IsNullOrEmpty(groupCode) ? order.CategoryCode : groupCode;
        PlaceCode = TownOf(order.RegionCode);
        HandlingUnitId = order.LeadUnitId;
        ReceivedOn = DateOnly.FromDateTime(Calendar.ChinaTime.ToLocal(order.RegisteredAt));
        ConcludedOn = DateOnly.FromDateTime(Calendar.ChinaTime.ToLocal(order.ConcludedAt ?? now));
        Published = true;
        PublishedAt = now;
        UnpublishedAt = null;
        Touch(by, now);
    }

    /// <summary>修改: a new text on the revision the editor loaded; the order's consent must still stand.</summary>
    public void Edit(WorkOrder order, TypicalText text, PersonalDataContext screen, string by, DateTime now)
    {
        if (order.PublicationConsent != true)
        {
            throw new DomainRuleException("hotline.consent-required", "来电人没有同意公开（或已撤回同意），不能公开或修改。");
        }
        SetText(text, screen);
        Touch(by, now);
    }

    /// <summary>撤下: off the public page (the staff's choice, or the caller's withdrawn consent).</summary>
    public void Unpublish(string by, DateTime now)
    {
        if (!Published)
        {
            throw new DomainRuleException("hotline.typical-not-published", "该典型工单已撤下。");
        }
        Published = false;
        UnpublishedAt = now;
        Touch(by, now);
    }

    public static void EnsureMayPublish(WorkOrder order)
    {
        if (order.Status != WorkOrderStatus.Concluded)
        {
            throw new DomainRuleException("hotline.typical-not-concluded", "只有已办结的工单可以公开为典型工单。");
        }
        if (order.PublicationConsent != true)
        {
            throw new DomainRuleException("hotline.consent-required", "来电人没有同意公开（或已撤回同意），不能公开或修改。");
        }
    }

    private void SetText(TypicalText text, PersonalDataContext screen)
    {
        var title = Required(text.Title, MaxTitleLength, "请填写标题。", "title");
        var question = Required(text.Question, MaxQuestionLength, "请用自己的话概述群众反映的问题。", "question");
        var answer = Required(text.Answer, MaxAnswerLength, "请用自己的话概述办理结果。", "answer");
        PersonalDataScreen.Ensure(title, screen, "title");
        PersonalDataScreen.Ensure(question, screen, "question");
        PersonalDataScreen.Ensure(answer, screen, "answer");
        Title = title;
        Question = question;
        Answer = answer;
    }

    private void Touch(string by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
        Revision++;
    }

    private static string Required(string? text, int max, string message, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("hotline.text-required", message, field);
        }
        var t = text.Trim();
        return t.Length > max ? throw new DomainRuleException("hotline.text-too-long", $"内容请在 {max} 字以内。", field) : t;
    }
}
