using Microsoft.Extensions.Logging;

namespace PanelAgent.Hardware.Logging;

/// <summary>Log lines of <see cref="Drivers.EventLoopThreads"/>, EventIds 9100-9109 (the gpio-vm range).</summary>
internal static partial class EventLoopLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information,
        Message = "Thread pool minimum raised by {Lines} for the GPIO event loops, to {Workers} workers")]
    public static partial void EventLoopThreadsReserved(this ILogger logger, int lines, int workers);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning,
        Message = "Thread pool refused a minimum of {Workers} workers for {Lines} GPIO event loops: "
            + "debounce and the link may lag while the pool adds threads")]
    public static partial void EventLoopThreadsRefused(this ILogger logger, int lines, int workers);
}
