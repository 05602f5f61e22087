using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Keys;
using PanelAgent.Station.Mqtt;
using PanelAgent.Storage;
using PanelAgent.TestSupport;
using PanelAgent.Transport;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Broker.Tests;

/// <summary>
/// The panel → station path of issue 3 against the embedded broker instead of Mosquitto: the panel's real uplink over
/// its SQLite outbox (as LinkService runs it), and two panel-station instances in one shared-subscription group.
/// </summary>
public sealed class EmbeddedBrokerEndToEndTests : IAsyncLifetime
{
    private const string PanelId = "panel-a";
    private const int Events = 60;
    private readonly TestPki _pki = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-broker-e2e-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PanelStation> _stations = [];
    private PanelBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await PanelBroker.StartAsync(Support.BrokerRig.Options(_pki));

    [Fact]
    public async Task Uplink_TwoStationsInOneShareGroup_EveryEventPrintedExactlyOnceAndAcked()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var outputs = new[] { await StartStationAsync("station-1", master, signing), await StartStationAsync("station-2", master, signing) };
        using var store = SqliteStoreOpener.Open(Path.Combine(_directory, "panel.db"), TimeProvider.System, NullLogger.Instance).Store;
        var keys = new KeyRing();
        keys.Add(KeyDerivation.DeriveKeySet(master, PanelId, 1));
        await using var supervisor = new ConnectionSupervisor(Microsoft.Extensions.Options.Options.Create(LinkOptions()),
            NullLogger<ConnectionSupervisor>.Instance, TimeProvider.System);
        var uplink = new EventUplink(store, new UplinkSealing(
                MessageSealer.ForPanel(keys, new SqliteNonceEpochStore(store), TimeProvider.System),
                EnvelopeOpener.ForPanel(keys, new ReplayGuard(TimeProvider.System), [signing])),
            supervisor, _ => { }, new EventUplinkOptions { PanelId = PanelId, PollInterval = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System);
        var running = Task.WhenAll(supervisor.RunAsync(_stop.Token), uplink.RunAsync(_stop.Token));

        var sequences = new List<long>();
        for (var i = 0; i < Events; i++)
        {
            sequences.AddRange(store.Commit([new PanelEvent(EventKinds.AlarmIntrusion, DateTimeOffset.UtcNow, $"zone-{i % 5}")],
                PanelState.Initial).Select(s => s.Sequence));
            uplink.Notify();
        }

        await Support.Until.TrueAsync(() => store.PendingCount == 0, "every row acknowledged by a station");
        await _stop.CancelAsync();
        await running;

        var printed = outputs.SelectMany(o => o.Lines).Select(SeqOf).ToList();
        Assert.Equal(sequences.Order(), printed.Order()); // each exactly once across both instances
        Assert.All(outputs, o => Assert.NotEmpty(o.Lines)); // and the group really split them
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var station in _stations)
        {
            await station.DisposeAsync();
        }

        await _broker.DisposeAsync();
        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        _pki.Dispose();
    }

    private async Task<CapturingWriter> StartStationAsync(string clientId, byte[] master, ECDsa signing)
    {
        _pki.Write("station-keys.json", StationKeyFile.Format([(PanelId, 1u, master)]));
        _pki.Write("signing.key", signing.ExportPkcs8PrivateKeyPem());
        var output = new CapturingWriter();
        var station = PanelStation.Create(new StationOptions
        {
            Host = "127.0.0.1",
            Port = _broker.Port,
            ClientId = clientId,
            CaFile = _pki.PathOf("ca.pem"),
            CertFile = _pki.CertFile("station"),
            CertKeyFile = _pki.KeyFile("station"),
            KeysFile = _pki.PathOf("station-keys.json"),
            SigningKeyFile = _pki.PathOf("signing.key"),
            Database = Path.Combine(_directory, $"{clientId}.db"),
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromSeconds(1),
            PingInterval = TimeSpan.FromMilliseconds(500),
        }, output, TextWriter.Null);
        _stations.Add(station);
        station.Start();
        await station.Subscribed.WaitAsync(Support.BrokerRig.Patience);
        return output;
    }

    private MqttLinkOptions LinkOptions()
    {
        var options = new MqttLinkOptions
        {
            PanelId = PanelId,
            CaFile = _pki.PathOf("ca.pem"),
            ClientCertFile = _pki.CertFile(PanelId),
            ClientKeyFile = _pki.KeyFile(PanelId),
            KeepAlive = TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PublishDeadline = TimeSpan.FromSeconds(5),
            BackoffMin = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(500),
        };
        options.Brokers.Add(new BrokerEndpoint { Host = "127.0.0.1", Port = _broker.Port });
        return options;
    }

    private static long SeqOf(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("seq").GetInt64();
    }
}
