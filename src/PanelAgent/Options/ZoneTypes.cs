using PanelAgent.Core.Zones;

namespace PanelAgent.Options;

/// <summary>The zone type names of the configuration files.</summary>
public static class ZoneTypes
{
    private static readonly Dictionary<string, ZoneType> s_names = new(StringComparer.Ordinal)
    {
        ["entry"] = ZoneType.Entry,
        ["perimeter"] = ZoneType.Perimeter,
        ["interior"] = ZoneType.Interior,
        ["camera-pir"] = ZoneType.CameraPir,
        ["fire"] = ZoneType.Fire,
        ["panic"] = ZoneType.Panic,
        ["silent"] = ZoneType.Silent,
        ["tamper"] = ZoneType.Tamper,
        ["technical"] = ZoneType.Technical,
    };

    public static IEnumerable<string> Names => s_names.Keys;

    public static bool TryParse(string name, out ZoneType type) => s_names.TryGetValue(name, out type);
}
