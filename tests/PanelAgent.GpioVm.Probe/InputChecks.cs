using PanelAgent.Core.Inputs;
using PanelAgent.Core.Zones;

namespace PanelAgent.GpioVm.Probe;

/// <summary>
/// Checks of the input path: a line is driven through gpio-sim's <c>pull</c>, the kernel raises the edge on
/// <c>/dev/gpiochipN</c>, libgpiod and <c>GpioZoneInputs</c> post it, and the Core debounce decides. Each check
/// looks at both ends: the raw edges (did the kernel deliver?) and the debounced changes (what the alarm sees).
/// </summary>
public sealed class InputChecks(ProbeRig rig)
{
    private readonly GpioSimChip _sim = rig.Sim;
    private readonly EdgeRecorder _recorder = rig.Recorder;
    private readonly ProbeTimings _timings = rig.Timings;
    private readonly List<(string Name, TimeSpan? After)> _latencies = [];

    /// <summary>Levels read at start: pulled-up active-high Active, pulled-down Normal, active-low under its own pull-up Normal.</summary>
    public async Task<CheckResult> StartLevelsAsync()
    {
        await Task.Delay(_timings.Settle).ConfigureAwait(false); // spurious edges right after open (dotnet/iot#674) get their chance
        string seen = string.Join(' ', ProbeRig.Zones(_timings).Select(z => $"{z.Id}={rig.Condition(z.Id)}"));
        int spurious = ProbeRig.Zones(_timings).Sum(z => _recorder.Edges(z.Id).Count);
        int changes = ProbeRig.Zones(_timings).Sum(z => _recorder.Changes(z.Id).Count);
        bool ok = rig.Condition(ProbeRig.StartActive) == ZoneCondition.Active
            && rig.Condition(ProbeRig.Door) == ZoneCondition.Normal
            && rig.Condition(ProbeRig.ActiveLow) == ZoneCondition.Normal
            && rig.Condition(ProbeRig.Chatter) == ZoneCondition.Normal
            && rig.Condition(ProbeRig.Pulse) == ZoneCondition.Normal
            && changes == 0;
        return new CheckResult("start-levels", ok, $"{seen} changes={changes} edges-after-open={spurious}");
    }

    /// <summary>One pull change on a line: the raw edge arrives with the right level, and debounce makes exactly one change.</summary>
    public async Task<CheckResult> EdgeAsync(string name, string zone, int line, bool pullUp, ZoneCondition from, ZoneCondition to)
    {
        bool wantActive = to != ZoneCondition.Normal;
        int edgesBefore = _recorder.Edges(zone).Count;
        int changesBefore = _recorder.Changes(zone).Count;
        _sim.Pull(line, pullUp);
        TimeSpan? edge = await Waits.UntilAsync(
            () => _recorder.Edges(zone).Skip(edgesBefore).Any(e => e.Active == wantActive), _timings.Timeout).ConfigureAwait(false);
        TimeSpan? change = await Waits.UntilAsync(() => rig.Condition(zone) == to, _timings.Timeout).ConfigureAwait(false);
        _latencies.Add((name, edge + change));
        await Task.Delay(_timings.Settle).ConfigureAwait(false);
        var changes = _recorder.Changes(zone).Skip(changesBefore).ToList();
        bool ok = edge is not null && changes.Count == 1 && changes[0].Previous == from && changes[0].Current == to
            && rig.Condition(zone) == to;
        string detail = $"line={line} pull={(pullUp ? "up" : "down")} edge-after={Waits.Ms(edge)} change-after={Waits.Ms(change)} "
            + $"changes={Describe(changes)} now={rig.Condition(zone)}";
        return new CheckResult(name, ok, detail);
    }

    /// <summary>
    /// Many toggles inside the debounce window. Ending on the other level: exactly one change, after the burst.
    /// Ending where it started: no change at all.
    /// </summary>
    public async Task<CheckResult> ChatterAsync(string name, int toggles)
    {
        string zone = ProbeRig.Chatter;
        bool startHigh = rig.Condition(zone) == ZoneCondition.Active;
        int edgesBefore = _recorder.Edges(zone).Count;
        int changesBefore = _recorder.Changes(zone).Count;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        bool level = startHigh;
        for (int i = 0; i < toggles; i++)
        {
            level = !level;
            _sim.Pull(ProbeRig.ChatterLine, level);
            await Task.Delay(1).ConfigureAwait(false);
        }

        TimeSpan burst = watch.Elapsed;
        await Task.Delay(_timings.LongDebounce + _timings.Settle).ConfigureAwait(false);
        var changes = _recorder.Changes(zone).Skip(changesBefore).ToList();
        int edges = _recorder.Edges(zone).Count - edgesBefore;
        ZoneCondition start = startHigh ? ZoneCondition.Active : ZoneCondition.Normal;
        ZoneCondition end = level ? ZoneCondition.Active : ZoneCondition.Normal;
        bool outcome = end == start ? changes.Count == 0 : changes.Count == 1 && changes[0].Current == end;
        bool ok = burst < _timings.LongDebounce && edges >= 2 && outcome && rig.Condition(zone) == end;
        string detail = $"toggles={toggles} burst={Waits.Ms(burst)} debounce={Waits.Ms(_timings.LongDebounce)} raw-edges={edges} "
            + $"changes={Describe(changes)} now={rig.Condition(zone)} expected={end}";
        return new CheckResult(name, ok, detail);
    }

    /// <summary>A pulse shorter than the debounce: the kernel delivers it, debounce ignores it.</summary>
    public async Task<CheckResult> ShortPulseAsync()
    {
        string zone = ProbeRig.Pulse;
        int edgesBefore = _recorder.Edges(zone).Count;
        int changesBefore = _recorder.Changes(zone).Count;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _sim.Pull(ProbeRig.PulseLine, up: true);
        await Task.Delay(_timings.PulseWidth).ConfigureAwait(false);
        _sim.Pull(ProbeRig.PulseLine, up: false);
        TimeSpan width = watch.Elapsed;
        await Task.Delay(_timings.LongDebounce + _timings.Settle).ConfigureAwait(false);
        var edges = _recorder.Edges(zone).Skip(edgesBefore).ToList();
        var changes = _recorder.Changes(zone).Skip(changesBefore).ToList();
        bool ok = width < _timings.LongDebounce && edges.Count >= 1 && changes.Count == 0 && rig.Condition(zone) == ZoneCondition.Normal;
        string detail = $"width={Waits.Ms(width)} debounce={Waits.Ms(_timings.LongDebounce)} raw-edges={edges.Count}"
            + $"({string.Join(',', edges.Select(e => e.Active ? "on" : "off"))}) changes={Describe(changes)} now={rig.Condition(zone)}";
        return new CheckResult("short-pulse", ok, detail);
    }

    /// <summary>A full re-read (the supervisor's safety net) agrees with the levels gpio-sim holds on every input line.</summary>
    public CheckResult Reread()
    {
        var lines = ProbeRig.InputLines();
        var samples = rig.Hardware.Inputs.ReadAll();
        var wrong = new List<string>();
        foreach (InputSample sample in samples)
        {
            var line = lines.Single(l => l.ZoneId == sample.ZoneId && l.Input == sample.Line);
            bool expected = line.IsActive(_sim.Value(line.Pin));
            if (sample.Faulted || sample.Active != expected)
            {
                wrong.Add($"{sample.ZoneId}/{sample.Line}:read={sample.Active},faulted={sample.Faulted},sim={expected}");
            }
        }

        return new CheckResult("reread-levels", wrong.Count == 0 && samples.Count == lines.Count,
            $"samples={samples.Count} wrong={(wrong.Count == 0 ? "none" : string.Join(' ', wrong))}");
    }

    /// <summary>
    /// Every sustained change of <see cref="EdgeAsync"/> was confirmed within the debounce plus a second: a panel that
    /// sees the door open seconds late is wrong even if it sees it once. The second is slack for TCG, not a benchmark.
    /// </summary>
    public CheckResult ChangeLatency()
    {
        TimeSpan bound = _timings.Debounce + TimeSpan.FromSeconds(1);
        var late = _latencies.Where(l => l.After is not { } after || after > bound).ToList();
        string worst = Waits.Ms(_latencies.Count == 0 ? null : _latencies.Max(l => l.After ?? TimeSpan.MaxValue));
        return new CheckResult("change-latency", _latencies.Count > 0 && late.Count == 0,
            $"changes={_latencies.Count} worst={worst} bound={Waits.Ms(bound)} late={(late.Count == 0 ? "none" : string.Join(',', late.Select(l => $"{l.Name}:{Waits.Ms(l.After)}")))}");
    }

    private static string Describe(IEnumerable<Core.Engine.ZoneChanged> changes)
    {
        string text = string.Join(',', changes.Select(c => $"{c.Previous}->{c.Current}"));
        return text.Length == 0 ? "none" : text;
    }
}
