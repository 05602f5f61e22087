using PanelAgent.Options;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Provisioning;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Link;

/// <summary><c>panel-station provision</c> writes what both sides load as they are, with the secrets owner-only.</summary>
public sealed class LabProvisioningTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Write_BothConfigsLoadAndNameTheSamePortKeysAndPanel()
    {
        var port = LabProvisioning.Write(_dir.FullPath, "sim-villa", SimVilla.ConfigPath);

        var panel = ConfigLoader.Load(_dir.Combine("panel.json"), SimVilla.DataOverrides(_dir.FullPath));
        var station = StationConfigLoader.Load(_dir.Combine("station.json"));

        Assert.Equal("sim-villa", panel.Link!.Link.PanelId);
        Assert.Equal(port, panel.Link.Link.Brokers.Single().Port);
        Assert.Equal(port, station.Port);
        Assert.Equal(1u, panel.Link.Keys.Keys.CurrentFor("sim-villa").KeyId);
    }

    [Fact]
    public void Write_SecretsAreOwnerOnlyAndThePanelNeverGetsTheMasterSecret()
    {
        LabProvisioning.Write(_dir.FullPath, "sim-villa", SimVilla.ConfigPath);

        foreach (var secret in new[] { "station-keys.json", "panel-keys.json", "signing.key", "sim-villa.key", "station.key", "broker.key" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.Combine(secret)));
        }

        Assert.DoesNotContain("masterSecret", File.ReadAllText(_dir.Combine("panel-keys.json")), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
