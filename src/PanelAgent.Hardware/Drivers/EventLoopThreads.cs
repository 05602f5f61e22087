using Microsoft.Extensions.Logging;
using PanelAgent.Hardware.Logging;

namespace PanelAgent.Hardware.Drivers;

/// <summary>
/// System.Device.Gpio 4.2's libgpiod driver watches each line with an event loop that holds a thread-pool worker for as
/// long as the line is open (a <c>Task.Run</c> around <c>gpiod_line_event_wait</c>). With more watched lines than the
/// pool's minimum (one per core), every other pool item (the debounce timer, the input pump, MQTT) waits for the pool's
/// starvation heuristic to add threads, about two a second: the gpio-vm probe saw a 100 ms debounce confirmed after
/// 3.2 s with 6 lines on one core, and 52 ms with the minimum raised (docs/gpio-vm.md). Raising the minimum by the
/// number of watched lines lets the pool create those threads at once; they are created on demand, so it costs nothing
/// until used.
/// </summary>
public static class EventLoopThreads
{
    /// <summary>Raises the pool's minimum worker count by <paramref name="lines"/>; returns the new minimum.</summary>
    /// <param name="lines">Lines whose edges the driver will watch.</param>
    /// <param name="logger">Says what was reserved, or that the pool refused.</param>
    public static int Reserve(int lines, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        ArgumentNullException.ThrowIfNull(logger);
        ThreadPool.GetMinThreads(out int workers, out int io);
        if (lines == 0)
        {
            return workers;
        }

        int wanted = workers + lines;
        if (!ThreadPool.SetMinThreads(wanted, io))
        {
            logger.EventLoopThreadsRefused(lines, wanted);
            return workers;
        }

        logger.EventLoopThreadsReserved(lines, wanted);
        return wanted;
    }
}
