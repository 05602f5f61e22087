using System.Text.Json.Nodes;
using PanelAgent.Options;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Capture;

/// <summary>The optional Cameras section: absent means no capture; present means validated, each error naming its field.</summary>
public sealed class CamerasConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Load_SimVilla_HasTwoCamerasAndImagesBesideTheDatabase()
    {
        var config = ConfigLoader.Load(SimVilla.ConfigPath);
        Assert.Equal(["hall-cam", "kitchen-cam"], config.Cameras!.Devices.Select(d => d.Id));
        Assert.Equal(Path.Combine(Path.GetDirectoryName(config.Storage.Path)!, "images"), config.Cameras.Images.Directory);
    }

    [Fact]
    public void Load_NoCamerasSection_NoCapture()
    {
        var json = SimVilla.Json();
        json.Remove("Cameras");
        Assert.Null(ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))).Cameras);
    }

    [Theory]
    [InlineData("Devices:0:Zone", "front-door", "Cameras:Devices[0]:Zone: 'front-door' is not a camera-pir zone")]
    [InlineData("Burst:Resolution", "641x480", "Cameras:Burst:Resolution: must be one of")]
    [InlineData("Burst:Frames", 11, "Cameras:Burst:Frames: must be 1 to 10")]
    [InlineData("Images:Retention", "8.00:00:00", "Cameras:Images:Retention: must be more than 0 and at most 7 days (P6)")]
    [InlineData("PacketLimit", 1000, "Cameras:PacketLimit: must be at least 4096")]
    public void Load_BadField_ErrorNamesIt(string field, object value, string expected)
    {
        var json = SimVilla.Json();
        var node = json["Cameras"]!;
        var path = field.Split(':');
        foreach (var part in path[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        node[path[^1]] = value is int number ? JsonValue.Create(number) : JsonValue.Create((string)value);
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(SimVilla.Write(json, _dir.Combine("p.json"))));
        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();
}
