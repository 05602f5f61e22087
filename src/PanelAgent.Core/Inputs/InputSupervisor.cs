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
    private readonly Lock _gate = new();
    private bool _disposed;
    private long _runs;
    private long _faults;

    public InputSupervisor(IZoneInputs inputs, InputPump pump, TimeSpan interval, TimeProvider time)
    {
        _inputs = inputs;
        _pump = pump;
        _interval = interval;
        _time = time;
        _timer = time.CreateTimer(_ => RunFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completed re-reads since start; the watchdog sees the input side alive by it.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    public void Start() => _timer.Change(_interval, Timeout.InfiniteTimeSpan);

    /// <summary>Stops the periodic re-read until the next <see cref="Run"/> re-arms it: a dead timer, as tests need.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Re-reads that threw (on the timer); they do not count as runs, so the watchdog sees them.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>
    /// One re-read now (also used when the pump reports an overflow). Under a lock that <see cref="Dispose"/> also
    /// takes: a stop waits for a re-read in progress, so the runtime never disposes the store under it, and no
    /// re-read starts after the stop.
    /// </summary>
    public void Run()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var readStarted = _time.GetTimestamp();
            _pump.Reconcile(_inputs.ReadAll(), readStarted);
            Interlocked.Increment(ref _runs);
            _timer.Change(_interval, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    /// <summary>
    /// An exception escaping a timer callback ends the process; a failed re-read must not. It is counted and the
    /// timer re-armed; the watchdog notices when runs stop advancing.
    /// </summary>
    private void RunFromTimer()
    {
        try
        {
            Run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _faults);
            lock (_gate)
            {
                if (!_disposed)
                {
                    _timer.Change(_interval, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }
}
