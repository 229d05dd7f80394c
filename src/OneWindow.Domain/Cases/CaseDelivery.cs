namespace OneWindow.Domain.Cases;

/// <summary>How the result reached the applicant (送达): collected at the window, posted, or sent electronically.</summary>
public sealed class CaseDelivery
{
    /// <summary>Null until the result is delivered.</summary>
    public DeliveryMethod? Method { get; internal set; }
    /// <summary>The postal waybill or the electronic delivery's reference.</summary>
    public string? Reference { get; internal set; }
}
