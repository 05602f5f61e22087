using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PanelAgent.Runtime;
using PanelAgent.Services;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Services;

/// <summary>
/// WatchdogService with a recording notifier and a real PanelHealth. Each check ends in exactly one record: the
/// message sent, or "withheld" from its Unhealthy log line, so the test waits for each check instead of sleeping.
/// </summary>
public sealed class WatchdogServiceTests : IDisposable
{
    private const string Withheld = "withheld";
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly SimulatedPanel _panel = new();
    private readonly RuntimeHolder _holder = new();
    private readonly Channel<string> _checks = Channel.CreateUnbounded<string>();

    [Fact]
    public async Task ExecuteAsync_PanelHealthy_SendsWatchdogEveryInterval()
    {
        _holder.Runtime = _panel.Start();
        using var service = CreateService(() => s_interval);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", await NextCheckAsync());
        for (var i = 0; i < 3; i++)
        {
            _panel.Advance(s_interval);
            Assert.Equal("WATCHDOG=1", await NextCheckAsync());
        }

        await service.StopAsync(CancellationToken.None);
        Assert.False(_checks.Reader.TryRead(out var extra), $"unexpected {extra}");
    }

    [Fact]
    public async Task ExecuteAsync_PanelUnhealthy_WithholdsWatchdogOnlyWhileUnhealthy()
    {
        var runtime = _panel.Start();
        // The input side never re-reads on its own: the test decides when it does (Run below), so no check can race
        // a re-read fired by the same clock advance.
        runtime.Supervisor.Pause();
        using var service = CreateService(() => s_interval);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal(Withheld, await NextCheckAsync()); // not started yet

        _holder.Runtime = runtime;
        var checks = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            _panel.Advance(s_interval);
            checks.Add(await NextCheckAsync());
        }

        runtime.Supervisor.Run();
        _panel.Advance(s_interval);
        checks.Add(await NextCheckAsync());
        await service.StopAsync(CancellationToken.None);

        // Seen at 5 s; still within 3 intervals + 1 s at 10, 15 and 20 s; withheld at 25 s; back after a re-read.
        Assert.Equal(["WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", Withheld, "WATCHDOG=1"], checks);
    }

    [Fact]
    public async Task ExecuteAsync_NoWatchdogConfigured_SendsNothing()
    {
        _holder.Runtime = _panel.Start();
        using var service = CreateService(() => null);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(s_timeout);
        _panel.Advance(s_interval * 4);
        await service.StopAsync(CancellationToken.None);

        Assert.False(_checks.Reader.TryRead(out var sent), $"unexpected {sent}");
    }

    public void Dispose() => _panel.Dispose();

    private WatchdogService CreateService(Func<TimeSpan?> interval) => new(
        new PanelHealth(_holder, _panel.Time, _panel.Config.Hardware.RereadInterval),
        new RecordingNotifier(_checks.Writer),
        _panel.Time,
        new UnhealthyLogger(_checks.Writer),
        interval);

    private async Task<string> NextCheckAsync() => await _checks.Reader.ReadAsync().AsTask().WaitAsync(s_timeout);

    private sealed class RecordingNotifier(ChannelWriter<string> checks) : IWatchdogNotifier
    {
        public void Notify(string state) => checks.TryWrite(state);
    }

    private sealed class UnhealthyLogger(ChannelWriter<string> checks) : ILogger<WatchdogService>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 4020)
            {
                checks.TryWrite(Withheld);
            }
        }
    }
}
