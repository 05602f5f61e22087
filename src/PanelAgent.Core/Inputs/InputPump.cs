using System.Collections.Immutable;
using System.Threading.Channels;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Inputs;

/// <summary>
/// From raw edges to zone changes: callbacks <see cref="Post"/> into a bounded channel (never blocking), and the pump
/// drains it through each line's debouncer, turning accepted levels into <see cref="ZoneChanged"/> triggers. A full
/// channel is counted, becomes a detector trouble, and is healed by re-reading every input: an edge is never lost
/// silently. The periodic re-read (<see cref="Reconcile(IReadOnlyList{InputSample}, long)"/>) also catches edges the driver never delivered.
/// </summary>
public sealed class InputPump : IInputSink, IDisposable
{
    private readonly Channel<InputEdge> _channel;
    private readonly Dictionary<string, ZoneInputState> _zones;
    private readonly TimeProvider _time;
    private readonly Action<Trigger> _onTrigger;
    private readonly Lock _gate = new();
    private readonly ITimer _debounceTimer;
    private ImmutableDictionary<string, ZoneCondition> _conditions = ImmutableDictionary<string, ZoneCondition>.Empty;
    private long _overflowed;
    private int _lostInARow;
    private int _cleanInARow;
    private bool _loopTrouble;

    public InputPump(IEnumerable<ZoneDefinition> zones, TimeProvider time, int capacity, Action<Trigger> onTrigger)
    {
        _time = time;
        _onTrigger = onTrigger;
        _zones = zones.ToDictionary(z => z.Id, z => new ZoneInputState(z, time), StringComparer.Ordinal);
        _channel = Channel.CreateBounded<InputEdge>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full; we count instead of dropping silently
            SingleReader = false,
            SingleWriter = false,
        });
        _debounceTimer = time.CreateTimer(_ => ProcessPending(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        PublishConditions();
    }

    /// <summary>The debounced condition of every zone; safe to read from any thread without locks.</summary>
    public IReadOnlyDictionary<string, ZoneCondition> Conditions => Volatile.Read(ref _conditions);

    /// <summary>Edges lost because the channel was full, since start.</summary>
    public long Overflowed => Interlocked.Read(ref _overflowed);

    /// <summary>Edges the driver never delivered, found by re-reading, since start.</summary>
    public long LostEdges { get; private set; }

    /// <summary>Monotonic timestamp of the last drain or re-read; the watchdog checks the input loop by it.</summary>
    public long LastActivity { get; private set; }

    public void Post(InputEdge edge)
    {
        if (!_channel.Writer.TryWrite(edge))
        {
            Interlocked.Increment(ref _overflowed);
        }
    }

    /// <summary>Takes levels read at start-up as the stable state, before any edge is processed.</summary>
    public void Seed(IReadOnlyList<InputSample> samples)
    {
        lock (_gate)
        {
            foreach (var sample in samples)
            {
                if (_zones.TryGetValue(sample.ZoneId, out var zone))
                {
                    zone.Faulted |= sample.Faulted;
                    zone.Line(sample.Line).Seed(sample.Active && !sample.Faulted);
                }
            }

            PublishConditions();
        }
    }

    /// <summary>Drains queued edges and confirms due debounces. Returns the number of edges taken.</summary>
    public int ProcessPending()
    {
        var changes = new List<Trigger>();
        int taken;
        lock (_gate)
        {
            taken = Drain(changes);
            ConfirmDue(changes);
            ScheduleNextConfirm();
            LastActivity = _time.GetTimestamp();

            // Delivered under the pump's lock so that changes reach the engine in the order they happened, whichever
            // thread (input loop, debounce timer, re-read) found them. The engine never takes this lock.
            Deliver(changes);
        }

        return taken;
    }

    /// <summary>Waits for edges and processes them until cancelled (the host's input loop).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ProcessPending();
        }
    }

    /// <summary>
    /// Compares a full re-read with what the edges said. A line whose level differs with no edge pending lost an
    /// edge: the read level is applied at once (the alarm path keeps working by polling) and counted. Lost edges in
    /// two re-reads running, or a full channel, raise trouble.detector; three clean re-reads restore it.
    /// </summary>
    public void Reconcile(IReadOnlyList<InputSample> samples) => Reconcile(samples, _time.GetTimestamp());

    /// <inheritdoc cref="Reconcile(IReadOnlyList{InputSample})"/>
    /// <param name="samples">The levels read.</param>
    /// <param name="readStarted">When the read began: a line with an edge stamped after that has moved on from its sample.</param>
    public void Reconcile(IReadOnlyList<InputSample> samples, long readStarted)
    {
        var changes = new List<Trigger>();
        lock (_gate)
        {
            Drain(changes);
            var lost = ApplySamples(samples, readStarted, changes);
            var overflowed = Interlocked.Exchange(ref _overflowed, 0) > 0;
            TrackLoopHealth(lost > 0, overflowed, changes);
            ScheduleNextConfirm();
            LastActivity = _time.GetTimestamp();
            Deliver(changes);
        }
    }

    /// <summary>True when edges overflowed since the last re-read, so the caller should re-read now.</summary>
    public bool NeedsReread => Interlocked.Read(ref _overflowed) > 0;

    public void Dispose() => _debounceTimer.Dispose();

    private int Drain(List<Trigger> changes)
    {
        var taken = 0;
        while (_channel.Reader.TryRead(out var edge))
        {
            taken++;
            if (_zones.TryGetValue(edge.ZoneId, out var zone))
            {
                var before = zone.Condition;
                if (zone.Line(edge.Line).OnEdge(edge.Active, edge.Timestamp))
                {
                    Changed(zone, before, changes);
                }
            }
        }

        return taken;
    }

    private void ConfirmDue(List<Trigger> changes)
    {
        var now = _time.GetTimestamp();
        foreach (var zone in _zones.Values)
        {
            var before = zone.Condition;
            var detector = zone.Detector.Confirm(now);
            var tamper = zone.Tamper.Confirm(now);
            if (detector || tamper)
            {
                Changed(zone, before, changes);
            }
        }
    }

    private int ApplySamples(IReadOnlyList<InputSample> samples, long readStarted, List<Trigger> changes)
    {
        var lost = 0;
        foreach (var sample in samples)
        {
            if (!_zones.TryGetValue(sample.ZoneId, out var zone))
            {
                continue;
            }

            var before = zone.Condition;
            var line = zone.Line(sample.Line);
            var faultChanged = UpdateFault(zone, sample);
            // A sample older than the line's last edge is stale, not a lost edge: applying it would undo the edge
            // (found by bench.sh core, where a 5 s re-read raced a fast toggle and swallowed the next event).
            if (!sample.Faulted && !line.HasPending && line.LastSeen != sample.Active && line.LastEdgeAt <= readStarted)
            {
                lost++;
                line.Seed(sample.Active);
            }

            if (faultChanged || zone.Condition != before)
            {
                Changed(zone, before, changes);
            }
        }

        LostEdges += lost;
        return lost;
    }

    private static bool UpdateFault(ZoneInputState zone, InputSample sample)
    {
        // A zone is faulted while any of its lines fails to read; the detector line's sample clears it.
        if (sample.Faulted && !zone.Faulted)
        {
            zone.Faulted = true;
            return true;
        }

        if (!sample.Faulted && zone.Faulted && sample.Line == InputLine.Detector)
        {
            zone.Faulted = false;
            return true;
        }

        return false;
    }

    private void TrackLoopHealth(bool lost, bool overflowed, List<Trigger> changes)
    {
        _lostInARow = lost ? _lostInARow + 1 : 0;
        _cleanInARow = lost || overflowed ? 0 : _cleanInARow + 1;
        if (!_loopTrouble && (overflowed || _lostInARow >= 2))
        {
            _loopTrouble = true;
            changes.Add(new TroubleChanged(TroubleKinds.Detector, null, Raised: true));
        }
        else if (_loopTrouble && _cleanInARow >= 3)
        {
            _loopTrouble = false;
            changes.Add(new TroubleChanged(TroubleKinds.Detector, null, Raised: false));
        }
    }

    private void Changed(ZoneInputState zone, ZoneCondition before, List<Trigger> changes)
    {
        var after = zone.Condition;
        PublishConditions();
        if (after != before)
        {
            changes.Add(new ZoneChanged(zone.Zone.Id, before, after));
        }
    }

    private void ScheduleNextConfirm()
    {
        var due = _zones.Values
            .SelectMany(z => new[] { z.Detector.DueAt(), z.Tamper.DueAt() })
            .Where(d => d is not null)
            .Min();
        if (due is not { } at)
        {
            _debounceTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        // At least one tick ahead: a due-now timer could fire re-entrantly under a fake clock.
        var delay = _time.GetElapsedTime(_time.GetTimestamp(), at);
        _debounceTimer.Change(delay < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : delay, Timeout.InfiniteTimeSpan);
    }

    private void PublishConditions() =>
        Volatile.Write(ref _conditions, _zones.ToImmutableDictionary(z => z.Key, z => z.Value.Condition, StringComparer.Ordinal));

    private void Deliver(List<Trigger> changes)
    {
        foreach (var change in changes)
        {
            _onTrigger(change);
        }
    }
}
