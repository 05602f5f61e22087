using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Hil.Scenarios;

/// <summary>The words of the scenario format, both ways, so parser and output agree.</summary>
public static class ScenarioText
{
    /// <summary>Printed instead of every code. Fixed length, so output does not even tell a code's length.</summary>
    public const string CodeMask = "******";

    public static readonly IReadOnlyDictionary<string, ArmMode> Modes = new Dictionary<string, ArmMode>(StringComparer.Ordinal)
    {
        ["away"] = ArmMode.Away,
        ["home"] = ArmMode.Home,
    };

    public static readonly IReadOnlyDictionary<string, ZoneCondition> Conditions =
        new Dictionary<string, ZoneCondition>(StringComparer.Ordinal)
        {
            ["open"] = ZoneCondition.Active,
            ["closed"] = ZoneCondition.Normal,
            ["tamper"] = ZoneCondition.Tamper,
            ["fault"] = ZoneCondition.Fault,
        };

    public static string ModeName(ArmMode mode) => Modes.First(p => p.Value == mode).Key;

    public static string ConditionName(ZoneCondition condition) => Conditions.First(p => p.Value == condition).Key;
}
