using PanelAgent.Options;
using PanelAgent.TestSupport;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Options;

/// <summary>The optional station link sections: absent means no link; present means validated, each error naming its field.</summary>
public sealed class ConfigLoaderLinkTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestPki _pki = new();
    private readonly LinkRig _rig;

    public ConfigLoaderLinkTests()
    {
        _rig = new LinkRig(_pki);
    }

    [Fact]
    public void Load_NoLinkSection_HasNoLink()
    {
        Assert.Null(ConfigLoader.Load(SimVilla.ConfigPath).Link);
    }

    [Fact]
    public void Load_LinkSections_BindsLinkUplinkAndDerivedKeys()
    {
        var config = ConfigLoader.Load(SimVilla.Write(_rig.Config(8883), _dir.Combine("p.json")));

        var link = Assert.IsType<LinkConfig>(config.Link);
        Assert.Equal(LinkRig.PanelId, link.Link.PanelId);
        Assert.Equal(LinkRig.PanelId, link.Uplink.PanelId); // defaulted from Link:PanelId
        Assert.Equal(TimeSpan.FromSeconds(2), link.Uplink.AckTimeout);
        Assert.Equal(1u, link.Keys.Keys.CurrentFor(LinkRig.PanelId).KeyId);
    }

    [Fact]
    public void Load_UplinkWithoutLink_IsAnErrorNamingTheSection()
    {
        var json = _rig.Config(8883);
        json.Remove("Link");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        Assert.Contains("Uplink: needs a Link section (the broker to send to).", error.Errors);
        Assert.Contains("LinkKeys: needs a Link section (the broker to send to).", error.Errors);
    }

    [Fact]
    public void Load_BadLinkFields_NamesEachField()
    {
        var json = _rig.Config(0);
        json["Uplink"]!["PanelId"] = "panel-b";
        json["Link"]!["CaFile"] = "relative.pem";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        Assert.Contains(error.Errors, e => e.StartsWith("Uplink:PanelId: 'panel-b' differs", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("Link:Brokers[0]:Port:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("Link:CaFile:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_KeysFileWithoutThisPanel_NamesKeysFile()
    {
        var json = _rig.Config(8883);
        json["Link"]!["PanelId"] = "panel-b";
        json["Link"]!["ClientCertFile"] = _pki.CertFile("panel-b");
        json["Link"]!["ClientKeyFile"] = _pki.KeyFile("panel-b");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        Assert.Equal(
            [$"LinkKeys:KeysFile: '{_pki.PathOf("panel-keys.json")}' has no entry for panel 'panel-b' (Link:PanelId)."],
            error.Errors);
    }

    [Fact]
    public void Load_StationKeyNotAKey_NamesStationPublicKeyFile()
    {
        var json = _rig.Config(8883);
        json["LinkKeys"]!["StationPublicKeyFile"] = _pki.PathOf("ca.pem");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        Assert.Single(error.Errors, e => e.StartsWith("LinkKeys:StationPublicKeyFile: cannot use", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _rig.Dispose();
        _pki.Dispose();
        _dir.Dispose();
    }
}
