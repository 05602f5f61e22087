using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil.Tests.Fakes;

/// <summary>
/// A scripted target: a virtual clock, events emitted now or scheduled for later (released by
/// <see cref="AdvanceAsync"/> in time order), figures from a dictionary, and a record of every call.
/// </summary>
internal sealed class FakeScenarioTarget : IScenarioTarget
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 15, 8, 0, 0, TimeSpan.Zero);

    private readonly List<PanelEvent> _events = [];
    private readonly List<PanelEvent> _scheduled = [];

    public FakeScenarioTarget(DateTimeOffset? now = null) => Now = now ?? Epoch;

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<PanelEvent> Events => _events;

    /// <summary>Every call, e.g. <c>arm Away bypass=window</c>, <c>zone front-door Active</c>, <c>advance 00:00:31</c>.</summary>
    public List<string> Calls { get; } = [];

    public List<string> CodesEntered { get; } = [];

    public List<TimeSpan> Advances { get; } = [];

    public Dictionary<string, string> Figures { get; } = new(StringComparer.Ordinal);

    /// <summary>Thrown by the next call into the target, then cleared.</summary>
    public Exception? ThrowNext { get; set; }

    /// <summary>Runs after each recorded call, with the call's text, to script the panel's reaction.</summary>
    public Action<string>? OnCall { get; set; }

    public bool Disposed { get; private set; }

    /// <summary>What <see cref="CannotRun"/> answers, like a rig that cannot do some steps.</summary>
    public Func<Hil.Scenarios.ScenarioStep, string?>? Cannot { get; set; }

    public string? CannotRun(Hil.Scenarios.ScenarioStep step) => Cannot?.Invoke(step);

    public void Emit(string kind, string? zone = null, int? user = null, string? detail = null) =>
        _events.Add(new PanelEvent(kind, Now, zone, user, detail));

    public void Schedule(TimeSpan after, string kind, string? zone = null, int? user = null, string? detail = null) =>
        _scheduled.Add(new PanelEvent(kind, Now + after, zone, user, detail));

    public Task ArmAsync(ArmMode mode, string code, IReadOnlyList<string> bypass, CancellationToken ct)
    {
        CodesEntered.Add(code);
        return Record($"arm {mode}" + (bypass.Count == 0 ? "" : " bypass=" + string.Join(',', bypass)));
    }

    public Task DisarmAsync(string code, CancellationToken ct)
    {
        CodesEntered.Add(code);
        return Record("disarm");
    }

    public Task SetZoneAsync(string zoneId, ZoneCondition condition, CancellationToken ct) =>
        Record($"zone {zoneId} {condition}");

    public Task AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        Advances.Add(by);
        Now += by;
        foreach (var due in _scheduled.Where(e => e.At <= Now).OrderBy(e => e.At).ToList())
        {
            _scheduled.Remove(due);
            _events.Add(due);
        }

        return Record($"advance {by}");
    }

    public Task RestartAsync(bool hard, CancellationToken ct) => Record(hard ? "restart hard" : "restart");

    public async Task<string?> ReadFigureAsync(string figure, CancellationToken ct)
    {
        await Record("read " + figure);
        return Figures.GetValueOrDefault(figure);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private Task Record(string call)
    {
        if (ThrowNext is { } ex)
        {
            ThrowNext = null;
            return Task.FromException(ex);
        }

        Calls.Add(call);
        OnCall?.Invoke(call);
        return Task.CompletedTask;
    }
}
