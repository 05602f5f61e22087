using System.Threading.Channels;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Link;
using PanelAgent.Options;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Runtime;
using PanelAgent.Storage;
using PanelAgent.Transport;
using PanelAgent.Transport.Commands;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Services;

/// <summary>
/// The link to the alarm station (issue 3): runs the connection supervisor and the event uplink over the running
/// panel's outbox, wakes the uplink on every raised event, and turns the uplink's comms-trouble callback into
/// <c>trouble.comms</c> on the panel. Registered only when the config has a <c>Link</c> section. The link never
/// stops or blocks the panel: any failure is logged, the link is rebuilt after a pause, and the host keeps running.
/// </summary>
public sealed partial class LinkService(
    LinkConfig link, RuntimeHolder holder, TimeProvider time, ILoggerFactory loggers, LinkDiagnostics? diagnostics = null,
    StationRemoteActions? remote = null)
    : BackgroundService
{
    private static readonly TimeSpan s_restartDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_runtimePoll = TimeSpan.FromMilliseconds(100);
    private readonly ILogger _logger = loggers.CreateLogger<LinkService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var runtime = await WaitForRuntimeAsync(stoppingToken).ConfigureAwait(false);
            if (runtime.Store is not SqliteEventStore store)
            {
                // No database: no durable outbox to send from and no durable nonce epochs to seal with (reusing an
                // epoch after a restart would reuse AES-GCM nonces). Events are held in memory by the panel until
                // storage returns, which needs a restart of the service; trouble.storage is already raised.
                LinkDisabled(_logger);
                return;
            }

            await RunWithRestartsAsync(runtime, store, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<PanelRuntime> WaitForRuntimeAsync(CancellationToken stoppingToken)
    {
        // PanelService sets the runtime in its StartAsync, which the host runs before ours; waiting keeps us correct
        // should the registration order ever change.
        while (true)
        {
            if (holder.Runtime is { } runtime)
            {
                return runtime;
            }

            await Task.Delay(s_runtimePoll, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunWithRestartsAsync(PanelRuntime runtime, SqliteEventStore store, CancellationToken stoppingToken)
    {
        var troubles = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true });
        var applier = ApplyTroublesAsync(runtime, troubles.Reader, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(runtime, store, troubles.Writer, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    LinkFailed(_logger, s_restartDelay, ex);
                    await Task.Delay(s_restartDelay, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            troubles.Writer.TryComplete();
            await applier.ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(
        PanelRuntime runtime, SqliteEventStore store, ChannelWriter<bool> troubles, CancellationToken stoppingToken)
    {
        await using var supervisor = new ConnectionSupervisor(
            Microsoft.Extensions.Options.Options.Create(link.Link), loggers.CreateLogger<ConnectionSupervisor>(), time);
        // A new sealing session (and so a new durable epoch) per link run: nonces never repeat across restarts.
        var sealer = MessageSealer.ForPanel(link.Keys.Keys, new SqliteNonceEpochStore(store), time);
        // Downlink freshness is judged on the corrected clock, so a panel that learnt the station's time accepts its
        // commands and acks again.
        var opener = EnvelopeOpener.ForPanel(
            link.Keys.Keys, new ReplayGuard(new OffsetClock(time, () => sealer.ClockOffset)), [link.Keys.StationKey]);
        var uplink = new EventUplink((IOutbox)store, new UplinkSealing(sealer, opener), supervisor,
            raised => troubles.TryWrite(raised), link.Uplink, time, loggers.CreateLogger<EventUplink>());
        var status = new StatusSender(sealer, supervisor, (IOutbox)store, link.Uplink, time, loggers.CreateLogger<StatusSender>(), store);
        var commands = new CommandReceiver(link.Link.PanelId, opener, Executor(runtime),
            new OffsetClock(time, () => sealer.ClockOffset), loggers.CreateLogger<CommandReceiver>());
        void Notify(PanelEvent _) => uplink.Notify();
        runtime.Panel.EventRaised += Notify;
        diagnostics?.Attach(supervisor, uplink, status, sealer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Issue 4: images ride the same connection and sealing session; they never end the run (Capture/ImageLink.cs).
        var sendingImages = Capture.ImageLink.RunAsync(holder, (IOutbox)store, sealer, supervisor, uplink,
            link.Link.PanelId, time, loggers, stop.Token);
        try
        {
            LinkStarted(_logger, link.Link.PanelId, link.Link.Brokers.Count);
            // The loops register their subscriptions and handlers first, so the first connect already carries them
            // and the online status is not announced before the panel listens for commands and acks.
            var sending = uplink.RunAsync(stop.Token);
            var heartbeats = status.RunAsync(stop.Token);
            var receiving = commands.RunAsync(supervisor, stop.Token);
            var supervising = supervisor.RunAsync(stop.Token);
            // Any loop ending (it only ends on a fault) ends all, and the caller rebuilds the link.
            var first = await Task.WhenAny(supervising, sending, heartbeats, receiving).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(supervising, sending, heartbeats, receiving).ConfigureAwait(false);
            await sendingImages.ConfigureAwait(false);
            await first.ConfigureAwait(false);
        }
        finally
        {
            runtime.Panel.EventRaised -= Notify;
            diagnostics?.Detach();
        }
    }

    /// <summary>The station's commands act on the running panel; holds, restriction and the access log come with its store.</summary>
    private StationCommandExecutor Executor(PanelRuntime runtime) => new(
        runtime, new CaptureImageHolds(holder, time), runtime.Store as IPrivacySettings, runtime.Store as IAccessLog, time, remote);

    /// <summary>
    /// Applies comms trouble on a task of its own, in order: the uplink's callback only queues, so it never waits on
    /// the panel's lock or its database write.
    /// </summary>
    private async Task ApplyTroublesAsync(PanelRuntime runtime, ChannelReader<bool> troubles, CancellationToken stoppingToken)
    {
        await foreach (var raised in troubles.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                continue; // the runtime is being stopped; the state on disk is what the next start resumes from
            }

            try
            {
                runtime.Panel.Handle(new TroubleChanged(TroubleKinds.Comms, null, raised));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                TroubleFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(4030, LogLevel.Information, "Station link for {PanelId} starting ({BrokerCount} broker endpoints)")]
    private static partial void LinkStarted(ILogger logger, string panelId, int brokerCount);

    [LoggerMessage(4031, LogLevel.Error, "Station link failed; rebuilding it in {Delay}. The panel runs on")]
    private static partial void LinkFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(4032, LogLevel.Critical,
        "Station link disabled: the database is unavailable, so there is no durable outbox and no durable nonce epoch")]
    private static partial void LinkDisabled(ILogger logger);

    [LoggerMessage(4033, LogLevel.Error, "Could not apply comms trouble to the panel")]
    private static partial void TroubleFailed(ILogger logger, Exception exception);
}
