using PanelAgent.Core.Capture;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Tests.Capture;

/// <summary>
/// One random run: the real alarm engine (or, in raw mode, arbitrary event streams the engine would never write) feeds
/// persisted events to the capture policy, mixed with station and technician picture requests, lens reports,
/// restriction changes and clock advances. Every decision goes past the <see cref="CaptureOracle"/>.
/// </summary>
internal sealed class PolicyWorld
{
    private static readonly string[] s_actors = ["station", "technician:1001"];
    private static readonly string[] s_rawKinds =
    [
        EventKinds.AlarmIntrusion, EventKinds.AlarmFire, EventKinds.AlarmPanic, EventKinds.AlarmSilent, EventKinds.AlarmDuress,
        EventKinds.AlarmTamper, EventKinds.AlarmCancelled, EventKinds.Disarmed, EventKinds.EntryStarted, EventKinds.CodeLockout,
        EventKinds.ArmedAway, EventKinds.SirenOn, "trouble.camera", EventKinds.ZoneRestored,
    ];

    private readonly SplitMix64 _random;
    private readonly AlarmEngine _engine = new(PolicyFixture.Engine());
    private readonly CaptureSettings _settings;
    private readonly CaptureOracle _oracle;
    private readonly Dictionary<string, ZoneCondition> _zones;
    private readonly List<string> _trace = [];
    private PanelState _panel = PanelState.Initial;
    private CaptureState _capture = CaptureState.Initial;
    private DateTimeOffset _now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private long _seq;
    private bool _restricted;

    public PolicyWorld(ulong seed)
    {
        _random = new SplitMix64(seed);
        _settings = PolicyFixture.Settings(_random.Chance(50), _random.Chance(50), _random.Chance(70));
        _oracle = new CaptureOracle(_settings);
        _zones = PolicyFixture.Zones.ToDictionary(z => z.Id, _ => ZoneCondition.Normal, StringComparer.Ordinal);
    }

    public int Captures { get; private set; }

    public int Refusals { get; private set; }

    public IReadOnlyList<string> Trace => _trace;

    /// <summary>Runs <paramref name="steps"/> random steps; null, or the first breach of P1-P5.</summary>
    public string? Run(int steps, bool raw)
    {
        for (var i = 0; i < steps; i++)
        {
            var problem = _random.Below(12) switch
            {
                0 or 1 or 2 => raw ? RawEvent() : Zone(),
                3 => raw ? RawEvent() : Engine(new ArmRequested(1, _random.Chance(70) ? ArmMode.Away : ArmMode.Home, [])),
                4 => raw ? RawEvent() : Engine(new DisarmRequested(1, Duress: _random.Chance(25))),
                5 => raw ? RawEvent() : Engine(new WrongCode()),
                6 or 7 => Advance(),
                8 or 9 => Feed(new PictureRequested(_random.Pick(s_actors), PickCamera())),
                10 => Feed(new LensCovered(_seq - _random.Below(3), PickCamera())),
                _ => Restrict(),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string PickCamera() => _random.Chance(90) ? _random.Pick(PolicyFixture.Cameras).Id : "no-such-cam";

    private string? Zone()
    {
        var zone = _random.Pick(PolicyFixture.Zones).Id;
        var next = _random.Pick(Enum.GetValues<ZoneCondition>());
        var previous = _zones[zone];
        _zones[zone] = next;
        return previous == next ? null : Engine(new ZoneChanged(zone, previous, next));
    }

    private string? Advance()
    {
        var seconds = _random.Pick(new[] { 1, 5, 20, 31, 60, 200, 1200, 2400 });
        _now += TimeSpan.FromSeconds(seconds);
        return Engine(new Tick());
    }

    private string? Restrict()
    {
        _restricted = _random.Chance(30);
        _trace.Add($"restricted={_restricted}");
        return null;
    }

    /// <summary>The engine decides; its events are "persisted" (given sequences) and fed in order, then time settles
    /// them, as the coordinator does after each read of the log.</summary>
    private string? Engine(Trigger trigger)
    {
        var decision = _engine.Decide(_panel, trigger, _now, _zones);
        _panel = decision.Next;
        foreach (var e in decision.Events)
        {
            if (Feed(new EventPersisted(new StoredEvent(++_seq, e))) is { } problem)
            {
                return problem;
            }
        }

        return Feed(new ClockAdvanced());
    }

    private string? RawEvent()
    {
        var zone = _random.Chance(85) ? _random.Pick(PolicyFixture.Zones).Id : null;
        var e = new PanelEvent(_random.Pick(s_rawKinds), _now - TimeSpan.FromSeconds(_random.Chance(5) ? 4000 : 0), zone);
        return Feed(new EventPersisted(new StoredEvent(++_seq, e))) ?? (_random.Chance(50) ? Feed(new ClockAdvanced()) : null);
    }

    private string? Feed(CaptureInput input)
    {
        var step = CapturePolicy.Decide(_capture, input, _now, _settings, _restricted);
        _capture = step.Next;
        _trace.Add($"{input} → [{string.Join(", ", step.Decisions)}]");
        Captures += step.Decisions.Count(d => d is CaptureOrder);
        Refusals += step.Decisions.Count(d => d is RequestRefused);
        return _oracle.Check(input, step.Decisions, _now, _restricted);
    }
}
