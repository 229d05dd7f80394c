namespace OneWindow.Domain.Cases;

/// <summary>How the result reached the applicant (送达): collected at the window, posted, or sent electronically.</summary>
public sealed class CaseDelivery
{
    /// <summary>Null until the result is delivered.</summary>
    public DeliveryMethod? Method { get; internal set; }
    /// <summary>The postal waybill or the electronic delivery's reference.</summary>
    public string? Reference { get; internal set; }
    /// <summary>How the applicant asked to receive the result when applying online (null: not asked, window pickup).</summary>
    public DeliveryMethod? Requested { get; internal set; }
    /// <summary>Where to post the result, when the applicant asked for mail.</summary>
    public string? Address { get; internal set; }
}

/// <summary>How an online applicant asks to receive the result (送达方式): at the window, by mail to an address, or electronically.</summary>
public sealed record DeliveryChoice(DeliveryMethod Method, string? Address)
{
    /// <summary>The choice with its address trimmed (only mail keeps one), checked for length; mail without an address is allowed in a draft.</summary>
    public static DeliveryChoice Of(DeliveryMethod method, string? address)
    {
        if (!Enum.IsDefined(method))
        {
            throw new DomainRuleException("case.delivery-method", "请选择送达方式。", "delivery");
        }
        var trimmed = method == DeliveryMethod.Mail && !string.IsNullOrWhiteSpace(address) ? address.Trim() : null;
        CaseInput.CheckLength(trimmed, "deliveryAddress", CaseInput.ShortText);
        return new DeliveryChoice(method, trimmed);
    }
}
