using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>Accumulates one decision: the evolving state and the events that explain each change.</summary>
internal sealed class DecisionBuilder(
    PanelState state, DateTimeOffset now, IReadOnlyDictionary<string, ZoneCondition> zones, EngineSettings settings)
{
    private readonly List<PanelEvent> _events = [];

    public PanelState State { get; set; } = state;

    public DateTimeOffset Now { get; } = now;

    public EngineSettings Settings { get; } = settings;

    public ZoneCondition ConditionOf(string zoneId) =>
        zones.TryGetValue(zoneId, out var condition) ? condition : ZoneCondition.Normal;

    public IEnumerable<ZoneDefinition> AllZones => Settings.Zones.Values;

    public void Emit(string kind, string? zone = null, int? user = null, string? detail = null) =>
        _events.Add(new PanelEvent(kind, Now, zone, user, detail));

    public bool IsBypassed(string zoneId) => State.Bypassed.Contains(zoneId, StringComparer.Ordinal);

    /// <summary>Whether an intrusion zone is armed in the current (or pending) mode and not bypassed.</summary>
    public bool IsArmed(ZoneDefinition zone) =>
        zone.IsIntrusion && !IsBypassed(zone.Id) && (State.Mode == ArmMode.Away || zone.IsArmedInHome);

    public void RaiseTrouble(string kind, string? zoneId)
    {
        var key = TroubleKey(kind, zoneId);
        if (!State.OpenTroubles.Contains(key, StringComparer.Ordinal))
        {
            State = State with { OpenTroubles = [.. State.OpenTroubles, key] };
            Emit(EventKinds.Trouble(kind), zoneId);
        }
    }

    public void RestoreTrouble(string kind, string? zoneId)
    {
        var key = TroubleKey(kind, zoneId);
        if (State.OpenTroubles.Contains(key, StringComparer.Ordinal))
        {
            State = State with { OpenTroubles = [.. State.OpenTroubles.Where(t => t != key)] };
            Emit(EventKinds.TroubleRestored(kind), zoneId);
        }
    }

    public Decision Build() => new(State, _events);

    private static string TroubleKey(string kind, string? zoneId) => zoneId is null ? kind : kind + ":" + zoneId;
}
