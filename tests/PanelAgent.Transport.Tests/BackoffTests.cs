namespace PanelAgent.Transport.Tests;

public sealed class BackoffTests
{
    private static readonly TimeSpan s_min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(3, 0.0, 4000)]
    [InlineData(3, 1.0, 8000)]
    [InlineData(10, 1.0, 60000)]
    [InlineData(10, 0.0, 30000)]
    [InlineData(1000, 0.5, 45000)]
    public void Delay_RoundAndJitter_DoublesWithinHalfToFullCeiling(int round, double unit, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.Delay(round, s_min, s_max, unit));
}
