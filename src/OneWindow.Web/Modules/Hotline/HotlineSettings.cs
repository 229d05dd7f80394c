using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// The hotline's limits as the center configured them (<c>Hotline:Limits:*</c>; the laws' defaults otherwise, see
/// <see cref="WorkOrderLimits"/>): <c>SignWorkingDays</c>, <c>UrgentSignHours</c>, <c>UrgentHandlingHours</c>,
/// <c>CallbackWorkingDays</c>, and per type <c>Consultation</c>, <c>Help</c>, <c>Complaint</c>, <c>Report</c>,
/// <c>Suggestion</c>, <c>Praise</c> in working days.
/// </summary>
public sealed class HotlineSettings(IConfiguration configuration)
{
    public WorkOrderLimits Limits { get; } = Read(configuration.GetSection("Hotline:Limits"));

    private static WorkOrderLimits Read(IConfigurationSection s)
    {
        var d = WorkOrderLimits.Default;
        return new WorkOrderLimits
        {
            SignWorkingDays = Clamp(s.GetValue("SignWorkingDays", d.SignWorkingDays), 0, 30),
            UrgentSignHours = Clamp(s.GetValue("UrgentSignHours", d.UrgentSignHours), 1, 72),
            UrgentHandlingHours = Clamp(s.GetValue("UrgentHandlingHours", d.UrgentHandlingHours), 1, 720),
            CallbackWorkingDays = Clamp(s.GetValue("CallbackWorkingDays", d.CallbackWorkingDays), 0, 30),
            HandlingWorkingDays = Enum.GetValues<WorkOrderType>().ToDictionary(t => t, t => Clamp(s.GetValue(t.ToString(), d.HandlingWorkingDays[t]), 1, 365)),
        };
    }

    private static int Clamp(int value, int min, int max) => Math.Clamp(value, min, max);
}
