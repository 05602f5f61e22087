using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Options;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Runtime;
using PanelAgent.Simulation;
using PanelAgent.Storage;
using PanelAgent.Transport;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Bench;

/// <summary>
/// The panel side of the link figures: the real <see cref="PanelRuntime"/> on the simulated board (as
/// <see cref="BenchPanel"/>), and the station link wired as LinkService wires it — a ConnectionSupervisor, an
/// EventUplink over the runtime's SQLite outbox with a fresh sealing session per link run, and the uplink woken by
/// every raised event. The link can be stopped and started again (an outage) while the panel keeps committing.
/// </summary>
internal sealed class LinkPanel : IAsyncDisposable
{
    private readonly SimulatedHardwareSource _board;
    private readonly PanelConfig _config;
    private readonly PanelRuntime _runtime;
    private readonly SqliteEventStore _store;
    private readonly CancellationTokenSource _stopPump = new();
    private readonly Task _pump;
    private readonly string _zone;
    private CancellationTokenSource? _stopLink;
    private Task? _link;
    private EventUplink? _uplink;
    private bool _active;

    public LinkPanel(PanelConfig config, string zone)
    {
        _config = config;
        _zone = zone;
        _board = new SimulatedHardwareSource(config, TimeProvider.System, NullLoggerFactory.Instance);
        _runtime = PanelRuntime.Start(config, _board.Open(), TimeProvider.System, NullLoggerFactory.Instance);
        _store = _runtime.Store as SqliteEventStore ?? throw new InvalidOperationException("the bench database did not open");
        _runtime.Panel.EventRaised += _ => _uplink?.Notify();
        _pump = Task.Run(() => _runtime.Pump.RunAsync(_stopPump.Token));
    }

    public int PendingCount => _store.PendingCount;

    /// <summary>The runtime's SQLite store (the outbox), for the drain breakdown.</summary>
    public SqliteEventStore Store => _store;

    /// <summary>Flips the bench zone at the simulated board: one detector edge.</summary>
    public void Toggle()
    {
        _active = !_active;
        _board.Board.SetZone(_zone, _active ? ZoneCondition.Active : ZoneCondition.Normal);
    }

    /// <summary>The event uplink of the running link; null while the link is stopped.</summary>
    public EventUplink? Uplink => _uplink;

    /// <summary>Wakes the uplink after rows were committed straight into the store.</summary>
    public void NotifyUplink() => _uplink?.Notify();

    /// <summary>
    /// Starts the supervisor and uplink, and <paramref name="alongside"/> (the image uplink) on the same connection and
    /// sealing session, as LinkService runs ImageLink; the task completes at the link's first connect.
    /// </summary>
    public Task StartLinkAsync(Func<MessageSealer, ConnectionSupervisor, CancellationToken, Task>? alongside = null)
    {
        var link = _config.Link ?? throw new InvalidOperationException("the bench config has no Link section");
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var supervisor = new ConnectionSupervisor(Microsoft.Extensions.Options.Options.Create(link.Link),
            NullLogger<ConnectionSupervisor>.Instance, TimeProvider.System);
        supervisor.Connected += (_, _) => connected.TrySetResult();
        var sealer = MessageSealer.ForPanel(link.Keys.Keys, new SqliteNonceEpochStore(_store), TimeProvider.System);
        var opener = EnvelopeOpener.ForPanel(link.Keys.Keys, new ReplayGuard(TimeProvider.System), [link.Keys.StationKey]);
        _uplink = new EventUplink((IOutbox)_store, new UplinkSealing(sealer, opener), supervisor, _ => { }, link.Uplink,
            TimeProvider.System);
        _stopLink = new CancellationTokenSource();
        var token = _stopLink.Token;
        var uplink = _uplink;
        _link = Task.Run(async () =>
        {
            await using (supervisor)
            {
                await Task.WhenAll(supervisor.RunAsync(token), uplink.RunAsync(token),
                    alongside?.Invoke(sealer, supervisor, token) ?? Task.CompletedTask).ConfigureAwait(false);
            }
        });
        return connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the link (DISCONNECT); the panel and its outbox carry on.</summary>
    public async Task StopLinkAsync()
    {
        if (_stopLink is null || _link is null)
        {
            return;
        }

        await _stopLink.CancelAsync().ConfigureAwait(false);
        await _link.ConfigureAwait(false);
        _uplink = null;
        _stopLink.Dispose();
        _stopLink = null;
    }

    /// <summary>Commits <paramref name="count"/> bench-zone events straight into the log (outbox), in batches.</summary>
    public IReadOnlyList<StoredEvent> Queue(int count, string troubleKind)
    {
        var state = _store.LoadState() ?? PanelState.Initial;
        var stored = new List<StoredEvent>(count);
        for (var done = 0; done < count;)
        {
            var batch = Enumerable.Range(done, Math.Min(500, count - done)).Select(i => new PanelEvent(
                i % 2 == 0 ? EventKinds.Trouble(troubleKind) : EventKinds.TroubleRestored(troubleKind),
                DateTimeOffset.UtcNow, _zone)).ToList();
            stored.AddRange(_store.Commit(batch, state));
            done += batch.Count;
        }

        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        await StopLinkAsync().ConfigureAwait(false);
        await _stopPump.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The pump ends by cancellation.
        }

        _runtime.Stop();
        _board.Dispose();
        _stopPump.Dispose();
    }
}
