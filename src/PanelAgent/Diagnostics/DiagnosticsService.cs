using PanelAgent.Privacy;
using PanelAgent.Runtime;

namespace PanelAgent.Diagnostics;

/// <summary>
/// Serves the technician socket (panelctl) and records the engine's code changes and lock-outs in the access log.
/// Starts after PanelService. A socket that cannot be opened is logged and skipped: the panel guards the house with
/// or without its technician tool.
/// </summary>
public sealed partial class DiagnosticsService(
    DiagnosticsContext context, DiagnosticsCommands commands, RuntimePrivacy privacy, ILogger<DiagnosticsService> logger)
    : BackgroundService
{
    private readonly AccessLogRecorder _recorder = new(privacy);
    private DiagnosticsServer? _server;
    private PanelRuntime? _observed;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (context.Holder.Runtime is { } runtime)
        {
            runtime.Panel.EventRaised += _recorder.OnEvent;
            _observed = runtime;
        }

        var options = context.Config.Diagnostics;
        if (options.Enabled)
        {
            var server = new DiagnosticsServer(options, commands, privacy, context, logger);
            try
            {
                server.Start();
                _server = server;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException
                or ArgumentOutOfRangeException)
            {
                SocketUnavailable(logger, options.SocketPath, ex);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_observed is { } runtime)
        {
            runtime.Panel.EventRaised -= _recorder.OnEvent;
        }

        if (_server is { } server)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _server?.RunAsync(stoppingToken) ?? Task.CompletedTask;

    [LoggerMessage(7104, LogLevel.Error, "The technician socket {Path} cannot be opened; panelctl is unavailable")]
    private static partial void SocketUnavailable(ILogger logger, string path, Exception exception);
}
