namespace OneWindow.Domain.Cases;

/// <summary>A case's fees (统一收费): what the pinned guide charges, and what was paid, when and against which receipt.</summary>
public sealed class CasePayment
{
    public IReadOnlyList<CaseFee> Fees { get; internal set; } = [];
    public decimal? PaidAmount { get; internal set; }
    public DateTime? PaidAt { get; internal set; }
    public string? ReceiptNumber { get; internal set; }
    /// <summary>Why the amount paid differs from the published standard (required when it does).</summary>
    public string? DifferenceReason { get; internal set; }
}
