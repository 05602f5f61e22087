using PanelAgent.Services;

namespace PanelAgent.Tests.Services;

public sealed class WatchdogSettingsTests
{
    private const int OurPid = 4242;

    [Theory]
    [InlineData(null, null)]
    [InlineData("0", null)]
    [InlineData("-1000000", null)]
    [InlineData("ten seconds", null)]
    [InlineData("", null)]
    [InlineData("0", "4242")]
    public void PingInterval_NoUsableWatchdogUsec_Null(string? usec, string? pid)
    {
        Assert.Null(WatchdogSettings.PingInterval(Environment(usec, pid), OurPid));
    }

    [Fact]
    public void PingInterval_WatchdogPidOfAnotherProcess_Null()
    {
        Assert.Null(WatchdogSettings.PingInterval(Environment("10000000", "1"), OurPid));
    }

    [Theory]
    [InlineData("4242")]
    [InlineData(null)]
    public void PingInterval_WatchdogForUs_HalfOfWatchdogUsec(string? pid)
    {
        Assert.Equal(TimeSpan.FromSeconds(5), WatchdogSettings.PingInterval(Environment("10000000", pid), OurPid));
    }

    private static Func<string, string?> Environment(string? usec, string? pid) => name => name switch
    {
        "WATCHDOG_USEC" => usec,
        "WATCHDOG_PID" => pid,
        _ => null,
    };
}
