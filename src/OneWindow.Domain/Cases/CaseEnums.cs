namespace OneWindow.Domain.Cases;

/// <summary>A case's state (docs/domain.md §4.1, States). The terminal states are RejectedAtIntake, Concluded, Withdrawn, Terminated.</summary>
public enum CaseStatus
{
    Draft = 1,               // 草稿 (online, not yet submitted)
    Submitted = 2,           // 已提交 (online, awaiting the center's pre-review)
    ReturnedForCorrection = 3, // 退回补正 (online pre-review)
    Received = 4,            // 已收件 (materials at the window, not yet accepted)
    AwaitingCorrection = 5,  // 待补正 (one-time notice issued)
    Accepted = 6,            // 已受理, in process
    Suspended = 7,           // 特别程序中 (clock stopped)
    Decided = 8,             // 已决定
    ResultIssued = 9,        // 已出证
    Concluded = 10,          // 已办结
    RejectedAtIntake = 11,   // 不予受理
    Withdrawn = 12,          // 申请人撤回
    Terminated = 13,         // 终止
}

/// <summary>How the application came in (the seeds measure the online rate).</summary>
public enum CaseChannel
{
    Window = 1,       // 窗口
    Online = 2,       // 网上
    SelfService = 3,  // 自助终端
    ProxyIntake = 4,  // 乡镇、村代收代办
    Agent = 5,        // 代办
}

public enum ApplicantKind
{
    Person = 1,
    Enterprise = 2,
}

public enum DecisionOutcome
{
    Grant = 1, // 准予
    Deny = 2,  // 不予
    PartlyGranted = 3, // 部分准予 (a joint case some of whose parts were denied)
}

public enum DeliveryMethod
{
    WindowPickup = 1,
    Mail = 2,
    Electronic = 3,
}

/// <summary>Why the clock stands still: a special procedure (§45) or a correction period after acceptance.</summary>
public enum PauseKind
{
    SpecialProcedure = 1,
    Correction = 2,
}
