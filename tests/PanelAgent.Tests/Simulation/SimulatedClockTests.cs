using Microsoft.Extensions.Time.Testing;
using PanelAgent.Simulation;

namespace PanelAgent.Tests.Simulation;

public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Jump_OneHourAhead_MovesOnlyTheWallClock()
    {
        var real = new FakeTimeProvider(s_start);
        var clock = new SimulatedClock(real);
        var timestamp = clock.GetTimestamp();

        clock.Jump(TimeSpan.FromHours(1));

        Assert.Equal(s_start.AddHours(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(1), clock.Offset);
        Assert.Equal(timestamp, clock.GetTimestamp());
    }

    [Fact]
    public void SetRate_FiveTimesFast_GainsFourSecondsPerSecond()
    {
        var real = new FakeTimeProvider(s_start);
        var clock = new SimulatedClock(real);

        clock.SetRate(5);
        real.Advance(TimeSpan.FromSeconds(10));
        clock.SetRate(1);
        real.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(s_start.AddSeconds(60), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(40), clock.Offset);
    }

    [Fact]
    public void SetRate_Zero_Refused()
    {
        var clock = new SimulatedClock(new FakeTimeProvider(s_start));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetRate(0));
    }
}
