using PanelAgent.Core.Capture;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Tests.Capture;

/// <summary>A synthetic house with four cameras for the capture policy tests.</summary>
internal static class PolicyFixture
{
    public static readonly ZoneDefinition[] Zones =
    [
        Zone("front-door", ZoneType.Entry), Zone("window", ZoneType.Perimeter), Zone("living-pir", ZoneType.Interior),
        Zone("hall-pir", ZoneType.CameraPir), Zone("garage-pir", ZoneType.CameraPir), Zone("kitchen-smoke", ZoneType.Fire),
        Zone("attic-smoke", ZoneType.Fire), Zone("bedroom-panic", ZoneType.Panic), Zone("voice-unit", ZoneType.Silent),
        Zone("lid", ZoneType.Tamper),
    ];

    public static readonly CameraDefinition[] Cameras =
    [
        new("hall-cam", "hall-pir", ["garage-pir"], ["kitchen-smoke"], ["bedroom-panic"], SabotageCheck: true),
        new("garage-cam", "garage-pir", [], [], [], SabotageCheck: false),
        new("attic-cam", null, [], ["attic-smoke"], ["voice-unit"], SabotageCheck: true),
        new("living-cam", null, ["hall-pir"], [], [], SabotageCheck: false),
    ];

    public static EngineSettings Engine() => EngineSettings.For(Zones) with { EntryDelay = TimeSpan.FromSeconds(30) };

    public static CaptureSettings Settings(bool panic = true, bool silent = true, bool sabotage = true) => new()
    {
        Cameras = Cameras,
        Zones = Zones.ToDictionary(z => z.Id, z => z.Type, StringComparer.Ordinal),
        CaptureOnPanic = panic,
        CaptureOnSilent = silent,
        SabotageCheck = sabotage,
    };

    private static ZoneDefinition Zone(string id, ZoneType type) => new(id, type, null, TimeSpan.FromMilliseconds(50));
}
