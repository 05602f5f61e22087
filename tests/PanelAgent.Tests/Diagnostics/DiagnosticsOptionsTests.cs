using PanelAgent.Options;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Diagnostics;

/// <summary>The optional Diagnostics section: defaults without it, each bad field named with it.</summary>
public sealed class DiagnosticsOptionsTests
{
    [Fact]
    public void Load_NoDiagnosticsSection_DefaultSocketAndGroup()
    {
        var config = ConfigLoader.Load(SimVilla.ConfigPath);

        Assert.Equal(("/run/panelagent/diag.sock", "panel-tech", true),
            (config.Diagnostics.SocketPath, config.Diagnostics.TechGroup, config.Diagnostics.Enabled));
    }

    [Fact]
    public void Load_DataDirectoryOverride_SocketInsideIt()
    {
        var parsed = AgentArguments.Parse(["--simulate", "--data", "/tmp/sim-run"], out _)!;

        var config = ConfigLoader.Load(SimVilla.ConfigPath, parsed.ConfigOverrides());

        Assert.Equal("/tmp/sim-run/diag.sock", config.Diagnostics.SocketPath);
    }

    [Theory]
    [InlineData("Diagnostics:SocketPath", "run/diag.sock", "Diagnostics:SocketPath: must be an absolute path.")]
    [InlineData("Diagnostics:TechGroup", "", "Diagnostics:TechGroup: must be a group name.")]
    [InlineData("Diagnostics:MaxWalkTest", "03:00:00", "Diagnostics:MaxWalkTest: must be between 00:00:05 and 02:00:00.")]
    [InlineData("Diagnostics:Socket", "/x", "Diagnostics: ")]
    public void Load_BadDiagnosticsField_ErrorNamesIt(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.ConfigPath, [new(key, value)]));

        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
