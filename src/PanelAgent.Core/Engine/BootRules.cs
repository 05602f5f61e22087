using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>
/// How zones found at start-up are decided (docs/engine.md, "After a reboot"). The persisted state says what the
/// panel already knew; each zone is treated as having changed from that to what is read now:
/// a zone that raised a trouble or an alarm before the reboot is taken to have stayed in that condition, every
/// other zone to have been normal. So an intrusion zone found open while armed trips (someone may have cut the
/// power and come in), a smoke detector found active alarms, and a trouble whose zone is now normal is restored.
/// </summary>
internal static class BootRules
{
    public static ZoneCondition PreviousCondition(
        PanelState state, string zoneId, ZoneCondition now, EngineSettings settings)
    {
        if (state.OpenTroubles.Contains(TroubleKinds.Detector + ":" + zoneId, StringComparer.Ordinal))
        {
            return ZoneCondition.Fault;
        }

        settings.Zones.TryGetValue(zoneId, out var zone);
        if (state.OpenTroubles.Contains(TroubleKinds.Tamper + ":" + zoneId, StringComparer.Ordinal))
        {
            // A tamper-type zone reports its switch on the detector line.
            return zone?.Type == ZoneType.Tamper ? ZoneCondition.Active : ZoneCondition.Tamper;
        }

        if (zone is { Type: ZoneType.Technical }
            && state.OpenTroubles.Contains((zone.TechnicalKind ?? zoneId) + ":" + zoneId, StringComparer.Ordinal))
        {
            return ZoneCondition.Active;
        }

        // An alarmed zone that is still active stays one alarm; one that closed meanwhile reports its restore.
        return state.Phase == PanelPhase.Alarm && state.AlarmedZones.Contains(zoneId, StringComparer.Ordinal)
            ? now == ZoneCondition.Normal ? ZoneCondition.Active : now
            : ZoneCondition.Normal;
    }
}
