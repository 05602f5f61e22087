using PanelAgent.Options;
using PanelAgent.Runtime;

namespace PanelAgent.Services;

/// <summary>
/// Starts the panel in <see cref="StartAsync"/> — storage, state, inputs — so that systemd's READY=1, sent when the
/// host has started, means exactly that (since .NET 10 all of ExecuteAsync runs on the thread pool, after READY).
/// Then runs the input loop and retries held events until stopped.
/// </summary>
public sealed partial class PanelService(
    PanelConfig config, IHardwareSource hardware, RuntimeHolder holder, TimeProvider time, ILoggerFactory loggers)
    : BackgroundService
{
    private static readonly TimeSpan s_flushInterval = TimeSpan.FromSeconds(5);
    private readonly ILogger _logger = loggers.CreateLogger<PanelService>();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        holder.Runtime = PanelRuntime.Start(config, hardware.Open(), time, loggers);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        holder.Runtime?.Stop();
        holder.Runtime = null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runtime = holder.Runtime!;
        try
        {
            await Task.WhenAll(runtime.Pump.RunAsync(stoppingToken), FlushLoopAsync(runtime, stoppingToken))
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LoopFailed(_logger, ex);
            holder.ExitCode = ExitCodes.Fatal;
            throw;
        }
    }

    /// <summary>Writes events held while storage failed, and re-reads at once when the edge queue overflowed.</summary>
    private async Task FlushLoopAsync(PanelRuntime runtime, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_flushInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            runtime.Panel.Flush();
            if (runtime.Pump.NeedsReread)
            {
                runtime.Supervisor.Run();
            }
        }
    }

    [LoggerMessage(4010, LogLevel.Critical, "The panel's input loop failed; stopping so systemd restarts the service")]
    private static partial void LoopFailed(ILogger logger, Exception exception);
}
