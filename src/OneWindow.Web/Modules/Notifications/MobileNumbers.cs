namespace OneWindow.Web.Modules.Notifications;

/// <summary>Whether a phone number can take an SMS: a mainland mobile number, 11 digits starting with 1 (a landline cannot).</summary>
public static class MobileNumbers
{
    public static bool IsMobile(string? phone) => phone is { Length: 11 } p && p[0] == '1' && p.All(char.IsAsciiDigit);
}
