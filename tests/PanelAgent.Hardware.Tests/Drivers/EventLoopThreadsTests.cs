using PanelAgent.Hardware.Drivers;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests.Drivers;

// Touches the process-wide thread pool minimum: raising it only lets the pool add threads without delay, so the other
// tests running in this process are not disturbed.
public class EventLoopThreadsTests
{
    private readonly RecordingLogger _logger = new();

    [Fact]
    public void Reserve_SomeLines_RaisesTheMinimumByThatManyAndSaysSo()
    {
        ThreadPool.GetMinThreads(out int before, out int ioBefore);

        int result = EventLoopThreads.Reserve(6, _logger);

        ThreadPool.GetMinThreads(out int after, out int ioAfter);
        Assert.True(after >= before + 6, $"minimum {before} -> {after}");
        Assert.Equal(after, result);
        Assert.Equal(ioBefore, ioAfter);
        Assert.Contains(_logger.Entries, e => e.EventId == 9100 && e.Message.Contains("raised by 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Reserve_NoLines_ChangesNothingAndLogsNothing()
    {
        ThreadPool.GetMinThreads(out int before, out _);

        int result = EventLoopThreads.Reserve(0, _logger);

        Assert.Equal(before, result);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void Reserve_NegativeLines_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EventLoopThreads.Reserve(-1, _logger));
}
