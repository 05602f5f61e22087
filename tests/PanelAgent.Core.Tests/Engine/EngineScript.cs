using System.Globalization;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Tests.Engine;

/// <summary>
/// Drives the pure engine with a compact script so the tests read as chains of states:
/// "arm:away", "arm:home:bypass=hall-pir", "disarm", "duress", "wrong", "+31s", "open:front-door",
/// "close:front-door", "tamper:hall-pir", "fault:hall-pir", "reboot" (state survives, as persisted).
/// </summary>
internal sealed class EngineScript
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly AlarmEngine _engine;
    private readonly Dictionary<string, ZoneCondition> _zones = new(StringComparer.Ordinal);

    public EngineScript(EngineSettings? settings = null)
    {
        _engine = new AlarmEngine(settings ?? Villa());
        foreach (var id in _engine.Settings.Zones.Keys)
        {
            _zones[id] = ZoneCondition.Normal;
        }
    }

    public PanelState State { get; private set; } = PanelState.Initial;

    public DateTimeOffset Now { get; private set; } = Start;

    public List<PanelEvent> Events { get; } = [];

    public static EngineSettings Villa(int grade = 2) => new()
    {
        Grade = grade,
        LockDoorWhenArmedAway = true,
        CutPlugWhenArmedAway = true,
        Zones = new[]
        {
            Zone("front-door", ZoneType.Entry), Zone("back-door", ZoneType.Entry),
            Zone("living-room-window", ZoneType.Perimeter), Zone("living-room-pir", ZoneType.Interior),
            Zone("hall-pir", ZoneType.CameraPir), Zone("kitchen-smoke", ZoneType.Fire),
            Zone("bedroom-panic", ZoneType.Panic), Zone("voice-unit", ZoneType.Silent),
            Zone("panel-tamper", ZoneType.Tamper), new ZoneDefinition("mains", ZoneType.Technical, "mains", TimeSpan.Zero),
        }.ToDictionary(z => z.Id, StringComparer.Ordinal),
    };

    /// <summary>Runs the steps and returns the phase after each, in the scenario vocabulary.</summary>
    public List<string> Run(params string[] steps) => [.. steps.Select(Step)];

    public string Step(string step)
    {
        var parts = step.Split(':');
        switch (parts[0])
        {
            case "arm":
                var bypass = parts.Length > 2 ? parts[2]["bypass=".Length..].Split(',') : [];
                Decide(new ArmRequested(1, parts[1] == "home" ? ArmMode.Home : ArmMode.Away, bypass));
                break;
            case "disarm": Decide(new DisarmRequested(1, Duress: false)); break;
            case "duress": Decide(new DisarmRequested(9, Duress: true)); break;
            case "wrong": Decide(new WrongCode()); break;
            case "reboot": break; // the pure engine keeps nothing outside the state: a reboot is a no-op here
            case "open": Zone(parts[1], ZoneCondition.Active); break;
            case "close": Zone(parts[1], ZoneCondition.Normal); break;
            case "tamper": Zone(parts[1], ZoneCondition.Tamper); break;
            case "fault": Zone(parts[1], ZoneCondition.Fault); break;
            default: Advance(step); break;
        }

        return Name(State.Phase);
    }

    public List<string> Kinds() => [.. Events.Select(e => e.Zone is null ? e.Kind : $"{e.Kind}@{e.Zone}")];

    public static string Name(PanelPhase phase) => phase switch
    {
        PanelPhase.Disarmed => "disarmed",
        PanelPhase.ExitDelay => "exit-delay",
        PanelPhase.ArmedAway => "armed-away",
        PanelPhase.ArmedHome => "armed-home",
        PanelPhase.EntryDelay => "entry-delay",
        _ => "alarm",
    };

    private static ZoneDefinition Zone(string id, ZoneType type) => new(id, type, null, TimeSpan.Zero);

    private void Zone(string id, ZoneCondition condition)
    {
        var previous = _zones[id];
        _zones[id] = condition;
        Decide(new ZoneChanged(id, previous, condition));
    }

    /// <summary>"+31s", "+3m": time passes in one-second ticks, as the panel's timer would fire.</summary>
    private void Advance(string step)
    {
        var unit = step[^1];
        var amount = int.Parse(step[1..^1], CultureInfo.InvariantCulture);
        var total = unit == 'm' ? TimeSpan.FromMinutes(amount) : TimeSpan.FromSeconds(amount);
        var end = Now + total;
        while (Now < end)
        {
            Now += TimeSpan.FromSeconds(1);
            Decide(new Tick());
        }
    }

    private void Decide(Trigger trigger)
    {
        var decision = _engine.Decide(State, trigger, Now, _zones);
        State = decision.Next;
        Events.AddRange(decision.Events);
    }
}
