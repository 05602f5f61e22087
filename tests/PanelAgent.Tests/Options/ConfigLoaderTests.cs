using PanelAgent.Core.Zones;
using PanelAgent.Options;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Options;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Load_SimVilla_BindsEverySection()
    {
        var config = ConfigLoader.Load(SimVilla.ConfigPath);

        Assert.Equal("sim-villa", config.Panel.Id);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Panel.EntryDelay);
        Assert.Equal(11, config.Panel.Zones.Count);
        Assert.Equal(11, config.Hardware.Inputs.Count);
        Assert.Equal([1, 2, 9], config.Panel.Users.Select(u => u.Number));
        Assert.Equal("/tmp/panelagent-sim/panel.db", config.Storage.Path);
        var mains = config.ToEngineSettings().Zones["mains"];
        Assert.Equal(ZoneType.Technical, mains.Type);
        Assert.Equal("mains", mains.TechnicalKind);
    }

    [Fact]
    public void Load_DataOverrides_MoveDatabaseAndPepper()
    {
        var config = ConfigLoader.Load(SimVilla.ConfigPath, SimVilla.DataOverrides(_dir.FullPath));

        Assert.Equal(_dir.Combine("panel.db"), config.Storage.Path);
        Assert.Equal(_dir.Combine("pepper"), config.Panel.Codes.PepperPath);
    }

    [Fact]
    public void Load_ZoneWithoutInputAndInputWithoutZone_NamesBoth()
    {
        var json = SimVilla.Json();
        SimVilla.Input(json, "water-leak")["Zone"] = "water-lake";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        Assert.Equal(
            [
                "Panel:Zones[10]:Id: zone 'water-leak' has no input under Hardware:Inputs",
                "Hardware:Inputs[10]:Zone: 'water-lake' is not a zone under Panel:Zones",
            ],
            error.Errors);
    }

    [Fact]
    public void Load_SeveralBadFields_ReportsThemAll()
    {
        var json = SimVilla.Json();
        json["Panel"]!["EntryDelay"] = "00:00:46";
        json["Panel"]!["Zones"]![0]!["Type"] = "doorbell";
        json["Storage"]!["Path"] = "relative/panel.db";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        Assert.Collection(error.Errors,
            e => Assert.StartsWith("Panel:EntryDelay: ", e, StringComparison.Ordinal),
            e => Assert.StartsWith("Panel:Zones[0]:Type: 'doorbell' is not one of entry, ", e, StringComparison.Ordinal),
            e => Assert.StartsWith("Storage:Path: ", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MisspeltKey_NamesTheKey()
    {
        var json = SimVilla.Json();
        json["Panel"]!["SirenCutof"] = "00:03:00";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        var message = Assert.Single(error.Errors);
        Assert.StartsWith("Panel: ", message, StringComparison.Ordinal);
        Assert.Contains("'SirenCutof'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltKeyInsideAList_NamesTheKey()
    {
        var json = SimVilla.Json();
        SimVilla.Zone(json, "mains")["Debounse"] = "00:00:00.050";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        Assert.Contains("'Debounse'", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValueOfTheWrongType_NamesTheField()
    {
        var json = SimVilla.Json();
        json["Panel"]!["Users"]![1]!["Number"] = "two";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        var message = Assert.Single(error.Errors);
        Assert.StartsWith("Panel: Failed to convert configuration value at 'Panel:Users:1:Number'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CodeTypedIntoTheWrongField_NamesTheFieldButNotTheValue()
    {
        var json = SimVilla.Json();
        json["Panel"]!["Users"]![0]!["Duress"] = "580316";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'Panel:Users:0:Duress'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("580316", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnreadableJson_ThrowsConfigException()
    {
        var path = _dir.Combine("p.json");
        File.WriteAllText(path, "{ \"Panel\": { \"Id\": ");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.Contains("not valid JSON", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFile_NamesThePath()
    {
        var path = _dir.Combine("absent.json");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.Equal([$"--config: no file at '{path}'"], error.Errors);
    }

    public void Dispose() => _dir.Dispose();
}
