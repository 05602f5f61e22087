using PanelAgent.Core.Ports;

namespace PanelAgent.Core.Inputs;

/// <summary>
/// Re-reads every input periodically and hands the levels to the pump, which finds edges the driver lost (a dead
/// event loop, a kernel buffer overflow) and keeps the alarm path working by polling. A one-shot timer re-armed
/// from "now" after each run, so a jump of the clock causes one re-read, not a burst of them.
/// </summary>
public sealed class InputSupervisor : IDisposable
{
    private readonly IZoneInputs _inputs;
    private readonly InputPump _pump;
    private readonly TimeSpan _interval;
    private readonly ITimer _timer;
    private readonly TimeProvider _time;
    private long _runs;

    public InputSupervisor(IZoneInputs inputs, InputPump pump, TimeSpan interval, TimeProvider time)
    {
        _inputs = inputs;
        _pump = pump;
        _interval = interval;
        _time = time;
        _timer = time.CreateTimer(_ => Run(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completed re-reads since start; the watchdog sees the input side alive by it.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    public void Start() => _timer.Change(_interval, Timeout.InfiniteTimeSpan);

    /// <summary>One re-read now (also used when the pump reports an overflow).</summary>
    public void Run()
    {
        var readStarted = _time.GetTimestamp();
        _pump.Reconcile(_inputs.ReadAll(), readStarted);
        Interlocked.Increment(ref _runs);
        _timer.Change(_interval, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();
}
