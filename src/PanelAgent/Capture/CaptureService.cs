using PanelAgent.Options;
using PanelAgent.Runtime;

namespace PanelAgent.Capture;

/// <summary>
/// Verification images (issue 4), registered only when the config has a <c>Cameras</c> section: attaches capture to
/// the running panel, runs the coordinator's loop (off the engine's thread, so an alarm is never delayed by a camera),
/// and prunes expired images at start and hourly (P6). A failure here is logged and never stops the panel.
/// </summary>
public sealed partial class CaptureService(
    PanelConfig config, RuntimeHolder holder, CaptureParts parts, ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan s_pruneInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_runtimePoll = TimeSpan.FromMilliseconds(100);
    private readonly ILogger _logger = loggers.CreateLogger<CaptureService>();

    /// <summary>The running capture, for the link's image uplink and for tests; null until started.</summary>
    public CaptureRuntime? Capture { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var runtime = await WaitForRuntimeAsync(stoppingToken).ConfigureAwait(false);
            using var capture = CaptureRuntime.TryStart(config, runtime, parts);
            if (capture is null)
            {
                CaptureDisabled(_logger);
                return;
            }

            Capture = capture;
            holder.Capture = capture;
            CaptureStarted(_logger, config.Cameras!.Devices.Count);
            capture.Coordinator.Notify(); // events persisted before we attached
            _ = Task.Run(() => EncoderWarmUp.Run(parts.Encoder, _logger), CancellationToken.None); // off every path
            await Task.WhenAll(capture.Coordinator.RunAsync(stoppingToken), PruneLoopAsync(capture, stoppingToken))
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CaptureFailed(_logger, ex); // no pictures, but the panel guards on
        }
        finally
        {
            Capture = null;
            holder.Capture = null;
        }
    }

    private async Task<PanelRuntime> WaitForRuntimeAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            if (holder.Runtime is { } runtime)
            {
                return runtime;
            }

            await Task.Delay(s_runtimePoll, parts.Time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task PruneLoopAsync(CaptureRuntime capture, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_pruneInterval, parts.Time);
        do
        {
            try
            {
                capture.Images.Prune(parts.Time.GetUtcNow());
            }
            catch (Core.Ports.StorageUnavailableException ex)
            {
                PruneFailed(_logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(6100, LogLevel.Information, "Capture started with {Cameras} camera(s)")]
    private static partial void CaptureStarted(ILogger logger, int cameras);

    [LoggerMessage(6101, LogLevel.Critical, "Capture disabled: the database is unavailable, so images cannot be kept encrypted")]
    private static partial void CaptureDisabled(ILogger logger);

    [LoggerMessage(6102, LogLevel.Error, "Capture stopped; the panel runs on without pictures")]
    private static partial void CaptureFailed(ILogger logger, Exception exception);

    [LoggerMessage(6103, LogLevel.Error, "Image retention could not run; retrying within the hour")]
    private static partial void PruneFailed(ILogger logger, Exception exception);
}
