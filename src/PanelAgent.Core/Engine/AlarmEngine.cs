using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>
/// The alarm state machine: <c>Decide(state, trigger) → (next, events)</c>, pure and table-driven
/// (in the manner of Mender's daemon state machine). A (phase, trigger) pair that is not in the table is ignored on
/// purpose: <see cref="Decide"/> returns the state unchanged and <see cref="IsHandled"/> lets the caller log it.
/// </summary>
public sealed class AlarmEngine
{
    private delegate void Rule(DecisionBuilder builder, Trigger trigger);

    private static readonly PanelPhase[] s_allPhases = Enum.GetValues<PanelPhase>();
    private static readonly PanelPhase[] s_setPhases = [.. s_allPhases.Where(p => p != PanelPhase.Disarmed)];

    private readonly Dictionary<(PanelPhase, Type), Rule> _table = [];

    public AlarmEngine(EngineSettings settings)
    {
        Settings = settings;
        Add([PanelPhase.Disarmed], typeof(ArmRequested), (b, t) => ArmingRules.Arm(b, (ArmRequested)t));
        Add(s_setPhases, typeof(DisarmRequested), (b, t) => ArmingRules.Disarm(b, (DisarmRequested)t));
        Add([PanelPhase.Disarmed], typeof(DisarmRequested), (b, t) => ArmingRules.DisarmWhileDisarmed(b, (DisarmRequested)t));
        Add(s_allPhases, typeof(WrongCode), (b, _) => ArmingRules.WrongCode(b));
        Add(s_allPhases, typeof(CodeChangedTrigger), (b, t) => ArmingRules.CodeChanged(b, (CodeChangedTrigger)t));
        Add(s_allPhases, typeof(StationCommandAnswered), (b, t) => ArmingRules.CommandAnswered(b, (StationCommandAnswered)t));
        Add(s_allPhases, typeof(ZoneChanged), (b, t) => ZoneRules.Apply(b, (ZoneChanged)t));
        Add(s_allPhases, typeof(Tick), (b, _) => TimeRules.Apply(b));
        Add(s_allPhases, typeof(TroubleChanged), (b, t) => ApplyTrouble(b, (TroubleChanged)t));
    }

    public EngineSettings Settings { get; }

    /// <summary>Whether the table has a rule for this pair; pairs without one are ignored.</summary>
    public bool IsHandled(PanelPhase phase, Trigger trigger) => _table.ContainsKey((phase, trigger.GetType()));

    public Decision Decide(
        PanelState state, Trigger trigger, DateTimeOffset now, IReadOnlyDictionary<string, ZoneCondition> zones)
    {
        if (!_table.TryGetValue((state.Phase, trigger.GetType()), out var rule))
        {
            return Decision.Unchanged(state);
        }

        var builder = new DecisionBuilder(state, now, zones, Settings);
        rule(builder, trigger);
        return builder.Build();
    }

    private static void ApplyTrouble(DecisionBuilder builder, TroubleChanged trouble)
    {
        if (trouble.Raised)
        {
            builder.RaiseTrouble(trouble.Kind, trouble.ZoneId);
        }
        else
        {
            builder.RestoreTrouble(trouble.Kind, trouble.ZoneId);
        }
    }

    private void Add(PanelPhase[] phases, Type trigger, Rule rule)
    {
        foreach (var phase in phases)
        {
            _table[(phase, trigger)] = rule;
        }
    }
}
