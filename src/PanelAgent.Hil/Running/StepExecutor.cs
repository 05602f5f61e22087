using PanelAgent.Core.Events;
using PanelAgent.Hil.Reporting;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil.Running;

/// <summary>
/// Runs the steps of one scenario against one target, keeping the expect cursor: the index into
/// <see cref="IScenarioTarget.Events"/> just after the last matched expect.
/// </summary>
internal sealed class StepExecutor
{
    /// <summary>Virtual time moves in slices this long while an expect waits, so a match is seen within 0.1 s.</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A long window (expectNone for P1D) would take 864 000 slices of 0.1 s; past this many slices they grow
    /// instead, so a window costs at most this many round trips to the target.
    /// </summary>
    public const int MaxSlices = 1000;

    private const int SawLimit = 5;

    private readonly IScenarioTarget _target;
    private readonly IScenarioObserver _observer;
    private int _cursor;
    private int _observed;

    public StepExecutor(IScenarioTarget target, IScenarioObserver observer)
    {
        _target = target;
        _observer = observer;
        Start = target.Now;
    }

    public DateTimeOffset Start { get; }

    public TimeSpan Elapsed => _target.Now - Start;

    /// <summary>The events since the last matched expect.</summary>
    public IReadOnlyList<PanelEvent> SinceCursor()
    {
        var events = _target.Events;
        return [.. Enumerable.Range(_cursor, Math.Max(0, events.Count - _cursor)).Select(i => events[i])];
    }

    /// <summary>Runs a step. Whatever the target throws fails the step with its message, except cancellation.</summary>
    public async Task<StepVerdict> ExecuteAsync(ScenarioStep step, CancellationToken ct)
    {
        try
        {
            return await DispatchAsync(step, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return StepVerdict.Fail($"{ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            Observe();
        }
    }

    private async Task<StepVerdict> DispatchAsync(ScenarioStep step, CancellationToken ct)
    {
        switch (step)
        {
            case ArmStep a: await _target.ArmAsync(a.Mode, a.Code, a.Bypass, ct); break;
            case DisarmStep d: await _target.DisarmAsync(d.Code, ct); break;
            case ZoneStep z: await _target.SetZoneAsync(z.ZoneId, z.Condition, ct); break;
            case AdvanceStep v: await _target.AdvanceAsync(v.By.ResolveFrom(_target.Now), ct); break;
            case RestartStep r: await _target.RestartAsync(r.Hard, ct); break;
            case StationStep t: await _target.StationAsync(t.Command, t.Camera, t.For?.ResolveFrom(_target.Now), ct); break;
            case CameraStep c: await _target.SetCameraAsync(c.Camera, c.Mode, ct); break;
            case ExpectStep e: return await ExpectAsync(e, ct);
            case ExpectNoneStep n: return await ExpectNoneAsync(n, ct);
            case CheckStep c: return await CheckAsync(c, ct);
            default: throw new NotSupportedException($"step kind {step.Kind}");
        }

        return StepVerdict.Pass();
    }

    private async Task<StepVerdict> ExpectAsync(ExpectStep step, CancellationToken ct)
    {
        var (match, why) = _target.Adapt(step.Match);
        var index = await WaitForAsync(match, step.Within ?? IsoDuration.Zero, ct);
        if (index < 0)
        {
            var window = step.Within is null ? "" : " within " + step.Within.Text;
            return StepVerdict.Fail($"not seen{window} ({Saw()})" + (why is null ? "" : $" [as {match}: {why}]"));
        }

        var seen = _target.Events[index];
        _cursor = index + 1;
        return StepVerdict.Pass("seen at " + RunFormat.Time(seen.At - Start) + (why is null ? "" : $" (as {match}: {why})"));
    }

    private async Task<StepVerdict> ExpectNoneAsync(ExpectNoneStep step, CancellationToken ct)
    {
        // The cursor stays: expectNone says what did not happen, it does not consume anything.
        var index = await WaitForAsync(_target.Adapt(step.Match).Match, step.For, ct);
        return index < 0
            ? StepVerdict.Pass()
            : StepVerdict.Fail("seen: " + RunFormat.Brief(_target.Events[index], _target.Events[index].At - Start));
    }

    private async Task<StepVerdict> CheckAsync(CheckStep step, CancellationToken ct)
    {
        var value = await _target.ReadFigureAsync(step.Figure, ct);
        return value is null
            ? StepVerdict.Fail($"unknown figure \"{step.Figure}\"")
            : FigureComparison.Compare(step, value);
    }

    /// <summary>
    /// Looks for a match at or after the cursor; while there is none, advances virtual time slice by slice until the
    /// window (resolved on the target's current date) is used up. Returns the match's index, or -1.
    /// </summary>
    private async Task<int> WaitForAsync(EventMatch match, IsoDuration window, CancellationToken ct)
    {
        var length = window.ResolveFrom(_target.Now) + _target.DeliveryGrace;
        var slice = TimeSpan.FromTicks(Math.Max(Slice.Ticks, (length.Ticks + MaxSlices - 1) / MaxSlices));
        var index = Find(match);
        for (var used = TimeSpan.Zero; index < 0 && used < length;)
        {
            var next = slice < length - used ? slice : length - used;
            await _target.AdvanceAsync(next, ct);
            used += next;
            Observe();
            index = Find(match);
        }

        return index;
    }

    private int Find(EventMatch match)
    {
        var events = _target.Events;
        for (var i = _cursor; i < events.Count; i++)
        {
            if (match.Matches(events[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private string Saw()
    {
        var since = SinceCursor();
        if (since.Count == 0)
        {
            return "saw nothing since the last match";
        }

        var brief = since.Take(SawLimit).Select(e => RunFormat.Brief(e, e.At - Start));
        var more = since.Count > SawLimit ? $", and {since.Count - SawLimit} more" : "";
        return "saw: " + string.Join(", ", brief) + more;
    }

    /// <summary>Tells the observer about events it has not heard of yet (the timeline).</summary>
    private void Observe()
    {
        var events = _target.Events;
        for (; _observed < events.Count; _observed++)
        {
            _observer.EventObserved(events[_observed], events[_observed].At - Start);
        }
    }
}
