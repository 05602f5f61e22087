using PanelAgent.Update.Cli;

namespace PanelAgent.Update.Tests.Cli;

public sealed class UpdateArgumentsTests
{
    [Fact]
    public void Parse_ApplyWithOptions_SetsEverything()
    {
        var parsed = UpdateArguments.Parse(
            ["apply", "/tmp/b", "--root", "/r", "--keys", "/k", "--db", "/d.db", "--no-station", "--health-command", "x y",
             "--ready-deadline", "00:00:30"], out var error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(("apply", "/tmp/b", "/r", "/k", "/d.db", false, "x y", TimeSpan.FromSeconds(30)),
            (parsed.Action, parsed.Bundle, parsed.Settings.Root, parsed.Settings.KeysDirectory, parsed.Settings.DatabasePath,
             parsed.Settings.HasStationLink, parsed.HealthCommand, parsed.Settings.ReadyDeadline));
    }

    [Fact]
    public void Parse_Defaults_AreThePanelsProductionPaths()
    {
        var parsed = UpdateArguments.Parse(["recover"], out _);

        Assert.NotNull(parsed);
        Assert.Equal(("/opt/panelagent", "/etc/panelagent/release-keys", "/var/lib/panelagent/panel.db", true),
            (parsed.Settings.Root, parsed.Settings.KeysDirectory, parsed.Settings.DatabasePath, parsed.Settings.Restart));
        Assert.Contains("panelctl selftest", parsed.HealthCommand, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "install" }, "expected apply")]
    [InlineData(new[] { "apply" }, "BUNDLE")]
    [InlineData(new[] { "apply", "b", "--root" }, "--root: missing value")]
    [InlineData(new[] { "apply", "b", "--ready-deadline", "soon" }, "--ready-deadline")]
    [InlineData(new[] { "recover", "--bogus", "1" }, "unknown option '--bogus'")]
    public void Parse_BadArguments_ErrorNamesTheProblem(string[] args, string expected)
    {
        Assert.Null(UpdateArguments.Parse(args, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
