using System.Text.Json.Nodes;
using PanelAgent.Hil.Rig;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Rig;

/// <summary>The shipped rig map loads; every kind of bad map is refused naming its JSON path.</summary>
public sealed class RigMapLoaderTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Load_ShippedVillaMap_WiresEveryZoneAndOutput()
    {
        var map = RigMapLoader.Load(Write(Shipped()));

        Assert.Equal("sim-villa", map.PanelId);
        Assert.Equal(Path.GetFullPath(BackToBackBench.Villa), map.PanelConfigPath);
        Assert.Equal(11, map.Drives.Where(d => d.Signal == RigSignal.Detector).Select(d => d.Zone).Distinct().Count());
        Assert.Equal(["siren", "lock", "plug"], map.Watches.Select(w => w.Output));
        Assert.Equal("libgpiod", map.Gpio.Driver);
        Assert.Equal(TimeSpan.FromMinutes(10), map.AdvanceCap);
        Assert.NotNull(map.Panel);
    }

    public static TheoryData<string, string, string> BadMaps() => new()
    {
        { """{ "bogus": 1 }""", "$.bogus", "unknown field" },
        { """{ "panelId": null }""", "$.panelId", "non-empty string" },
        { """{ "advanceCap": "P1M" }""", "$.advanceCap", "ISO 8601" },
        { """{ "gpio": { "driver": "gpiomem" } }""", "$.gpio.driver", "one of auto" },
        { """{ "drives": [ { "line": 2, "zone": "garage", "signal": "detector", "activeLevel": "low" } ] }""", "$.drives[0].zone", "no zone \"garage\"" },
        { """{ "drives": [ { "line": 2, "zone": "front-door", "signal": "detector", "activeLevel": "high" } ] }""", "$.drives[0].activeLevel", "active low" },
        { """{ "drives": [ { "line": 2, "zone": "front-door", "signal": "smoke", "activeLevel": "low" } ] }""", "$.drives[0].signal", "detector, tamper, fault" },
        { """{ "drives": [ { "line": 2, "zone": "panel-tamper", "signal": "tamper", "activeLevel": "low" } ] }""", "$.drives[0].signal", "tamper zone" },
        { """{ "drives": [ { "line": 2, "zone": "mains", "signal": "tamper", "activeLevel": "low" } ] }""", "$.drives[0].signal", "no tamper input" },
        { """{ "drives": [ { "line": 2, "zone": "front-door", "signal": "detector" } ] }""", "$.drives[0]", "missing field \"activeLevel\"" },
        { """{ "drives": [ { "line": 2, "zone": "front-door", "signal": "detector", "activeLevel": "low" }, { "line": 2, "zone": "back-door", "signal": "detector", "activeLevel": "low" } ] }""", "$.drives[1].line", "used twice" },
        { """{ "watches": [ { "line": 40, "output": "strobe", "activeLevel": "high" } ] }""", "$.watches[0].output", "siren, lock, plug" },
        { """{ "watches": [ { "line": 40, "output": "siren", "activeLevel": "low" } ] }""", "$.watches[0].activeLevel", "active high" },
        { """{ "station": "missing.json" }""", "$.station", "no such file" },
    };

    [Theory]
    [MemberData(nameof(BadMaps))]
    public void Load_BadMap_ThrowsNamingTheJsonPath(string change, string jsonPath, string detail)
    {
        var map = Shipped();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            map[key] = value?.DeepClone();
        }

        var ex = Assert.Throws<RigMapException>(() => RigMapLoader.Load(Write(map)));

        Assert.Equal(jsonPath, ex.JsonPath);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(_tree.Path("rig.json") + ": " + jsonPath + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_ThrowsAtTheRoot()
    {
        var ex = Assert.Throws<RigMapException>(() => RigMapLoader.Load(_tree.Write("rig.json", "{ \"panel\": ")));

        Assert.Equal("$", ex.JsonPath);
    }

    /// <summary>hardware/rig/villa-rig.json with the repo's panel file and a station file that exists here.</summary>
    private JsonObject Shipped()
    {
        var map = JsonNode.Parse(File.ReadAllText(RepoPaths.Find(Path.Combine("hardware", "rig", "villa-rig.json"))))!.AsObject();
        map["panel"] = BackToBackBench.Villa;
        map["station"] = _tree.Write("station.json", "{}");
        return map;
    }

    private string Write(JsonObject map) => _tree.Write("rig.json", map.ToJsonString());
}
