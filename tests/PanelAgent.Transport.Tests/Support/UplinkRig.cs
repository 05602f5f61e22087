using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Storage;
using PanelAgent.TestSupport;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Transport.Tests.Support;

/// <summary>
/// A real Mosquitto, panel-a's supervisor and <see cref="EventUplink"/> over a real SQLite store in a temporary
/// directory, and a <see cref="FakeStation"/>. Waits are signalled (acks, station receipts, trouble), never slept.
/// </summary>
public sealed class UplinkRig : IAsyncDisposable
{
    public const string PanelId = "panel-a";

    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-uplink-").FullName;
    private Task? _run;

    private UplinkRig(TestPki pki, MosquittoBroker broker)
    {
        Pki = pki;
        Broker = broker;
        Store = SqliteStoreOpener.Open(Path.Combine(_directory, "panel.db"), TimeProvider.System, NullLogger.Instance).Store;
        var master = RandomNumberGenerator.GetBytes(32);
        PanelKeys.Add(KeyDerivation.DeriveKeySet(master, PanelId, 1));
        Link = new LinkHarness(pki, "panel-a", broker.Port);
    }

    public TestPki Pki { get; }

    public MosquittoBroker Broker { get; }

    public SqliteEventStore Store { get; }

    public KeyRing PanelKeys { get; } = new();

    public ECDsa StationKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public LinkHarness Link { get; }

    public EventUplink Uplink { get; private set; } = null!;

    public FakeStation Station { get; private set; } = null!;

    public CapturingLogger<EventUplink> Logger { get; } = new();

    public EventUplinkOptions Options { get; } = new()
    {
        PanelId = PanelId,
        BatchSize = 50,
        AckTimeout = TimeSpan.FromSeconds(1),
        CommsTroubleAfter = TimeSpan.FromSeconds(2),
        PollInterval = TimeSpan.FromMilliseconds(200),
        // These tests are about the outbox; heartbeats (and trouble from their silence) have tests of their own.
        HeartbeatInterval = TimeSpan.Zero,
    };

    /// <summary>Every comms-trouble callback, in order.</summary>
    public ConcurrentQueue<bool> TroubleCalls { get; } = new();

    public static async Task<UplinkRig> CreateAsync(TestPki pki)
    {
        var broker = await MosquittoBroker.StartAsync(pki);
        var rig = new UplinkRig(pki, broker);
        rig.Station = await FakeStation.ConnectAsync(pki, broker.Port, rig.PanelKeys, rig.StationKey);
        rig.Station.Changed += rig.Poke;
        return rig;
    }

    /// <summary>The uplink's own clock (the sealer and opener keep the system's); set before <see cref="Start"/>.</summary>
    public TimeProvider UplinkTime { get; set; } = TimeProvider.System;

    /// <summary>Starts the supervisor and the uplink (adjust <see cref="Options"/> first).</summary>
    public UplinkRig Start()
    {
        Link.Start();
        var sealer = MessageSealer.ForPanel(PanelKeys, new SqliteNonceEpochStore(Store), TimeProvider.System);
        var opener = EnvelopeOpener.ForPanel(PanelKeys, new ReplayGuard(TimeProvider.System), [StationKey]);
        Uplink = new EventUplink(Store, new UplinkSealing(sealer, opener), Link.Supervisor,
            raised => { TroubleCalls.Enqueue(raised); Poke(); }, Options, UplinkTime, Logger);
        Uplink.Acknowledged += (_, _) => Poke();
        Uplink.AckHandled += Poke;
        _run = Uplink.RunAsync(_stop.Token);
        return this;
    }

    public IReadOnlyList<StoredEvent> Commit(params PanelEvent[] events)
    {
        var stored = Store.Commit(events, PanelState.Initial);
        Uplink?.Notify();
        return stored;
    }

    /// <summary>Completes once <paramref name="condition"/> holds, re-checked on every ack, receipt and trouble change.</summary>
    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((condition, signal));
        }

        Poke();
        try
        {
            await signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"not reached within 30 s: {what}");
        }
    }

    public void Poke()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(LinkHarness.Patience);
        }

        await Link.DisposeAsync();
        await Station.DisposeAsync();
        await Broker.DisposeAsync();
        Store.Dispose();
        StationKey.Dispose();
        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
