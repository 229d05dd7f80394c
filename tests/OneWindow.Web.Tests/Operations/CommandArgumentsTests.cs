namespace OneWindow.Web.Tests.Operations;

/// <summary>A command's arguments are told apart from the host's settings however the settings are written.</summary>
public class CommandArgumentsTests
{
    [Theory]
    [InlineData(new[] { "backup", "/tmp/b.db", "--contentRoot", "/srv/app" }, new[] { "backup", "/tmp/b.db" })]
    [InlineData(new[] { "--contentRoot", "/srv/app", "restore", "/tmp/b.db" }, new[] { "restore", "/tmp/b.db" })]
    [InlineData(new[] { "check-figures", "2026-11-01", "2026-11-30", "--repair", "--contentRoot", "/srv" }, new[] { "check-figures", "2026-11-01", "2026-11-30" })]
    [InlineData(new[] { "load-notice", "n.json", "--year=2027", "Seed:DemoHistory=false" }, new[] { "load-notice", "n.json" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080" }, new string[0])]
    public void Host_settings_and_their_values_are_not_arguments(string[] args, string[] expected) =>
        Assert.Equal(expected, Commands.Positional(args));
}
