using System.Security.Cryptography;
using PanelAgent.Core.Events;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Transport;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Fleet;

/// <summary>
/// One lightweight panel: no engine and no SQLite, but the panel's real link — its own <see cref="ConnectionSupervisor"/>
/// (mutual TLS with its own certificate, client id = panel id), its own sealing session and keys, and the real
/// <see cref="EventUplink"/>, which publishes sealed events at QoS 1, retires them only on the station's signed acks
/// and reseals and resends what is not acknowledged. Wired as LinkService wires a real panel.
/// </summary>
internal sealed class SimulatedPanel : IAsyncDisposable
{
    private readonly MemoryOutbox _outbox = new();
    private readonly ConnectionSupervisor _link;
    private readonly EventUplink _uplink;
    private readonly ECDsa _stationKey;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _connects;

    public SimulatedPanel(MqttLinkOptions link, KeySet keys, ECDsa stationKey, EventUplinkOptions uplink,
        FleetDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Id = link.PanelId;
        _stationKey = stationKey;
        var ring = new KeyRing();
        ring.Add(keys);
        _link = new ConnectionSupervisor(Microsoft.Extensions.Options.Options.Create(link),
            diagnostics.For<ConnectionSupervisor>(Id), TimeProvider.System);
        _link.Connected += (_, _) =>
        {
            Interlocked.Increment(ref _connects);
            _connected.TrySetResult();
        };
        var sealer = MessageSealer.ForPanel(ring, new MemoryEpochStore(), TimeProvider.System);
        var opener = EnvelopeOpener.ForPanel(ring, new ReplayGuard(TimeProvider.System), [stationKey]);
        _uplink = new EventUplink(_outbox, new UplinkSealing(sealer, opener), _link, _ => { }, uplink, TimeProvider.System,
            diagnostics.For<EventUplink>(Id));
    }

    public string Id { get; }

    /// <summary>Completes at the first successful connect (with the acks subscription in place).</summary>
    public Task Connected => _connected.Task;

    /// <summary>Connects so far; more than one means the link dropped and came back.</summary>
    public int Connects => Volatile.Read(ref _connects);

    public int Pending => _outbox.PendingCount;

    public UplinkCounters Counters => _uplink.Counters;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _running = Task.Run(() => Task.WhenAll(_link.RunAsync(token), _uplink.RunAsync(token)), CancellationToken.None);
    }

    /// <summary>
    /// Commits one event to the outbox and wakes the uplink, as the engine does after its commit. Alternates
    /// armed.away / disarmed (SIA CL/OP): one priority class, so the uplink sends in sequence order.
    /// </summary>
    public long Raise(DateTimeOffset at)
    {
        var kind = _outbox.Committed % 2 == 0 ? EventKinds.ArmedAway : EventKinds.Disarmed;
        var sequence = _outbox.Commit(new PanelEvent(kind, at, User: 1));
        _uplink.Notify();
        return sequence;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null && _running is not null)
        {
            await _stop.CancelAsync();
            await _running;
            _stop.Dispose();
        }

        _link.Dispose();
        _stationKey.Dispose();
    }
}
