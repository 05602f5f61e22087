using System.Security.Cryptography;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Keys;
using PanelAgent.Station.Mqtt;
using PanelAgent.TestSupport;

namespace PanelAgent.Station.Tests.Support;

/// <summary>
/// A real Mosquitto with test certificates, a keys file with a random master secret per panel, a station signing key,
/// and station instances run in-process with captured output.
/// </summary>
public sealed class StationHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<PanelStation> _stations = [];
    private readonly List<FakePanel> _panels = [];

    private StationHarness(TestPki pki, MosquittoBroker broker)
    {
        Pki = pki;
        Broker = broker;
        MasterSecrets = new Dictionary<string, byte[]>
        {
            ["panel-a"] = RandomNumberGenerator.GetBytes(32),
            ["panel-b"] = RandomNumberGenerator.GetBytes(32),
        };
        pki.Write("keys.json", StationKeyFile.Format(MasterSecrets.Select(p => (p.Key, 1u, p.Value))));
        SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        pki.Write("signing.key", SigningKey.ExportPkcs8PrivateKeyPem());
    }

    public TestPki Pki { get; }

    public MosquittoBroker Broker { get; }

    public IReadOnlyDictionary<string, byte[]> MasterSecrets { get; }

    public ECDsa SigningKey { get; }

    public static async Task<StationHarness> StartAsync()
    {
        var pki = new TestPki();
        var broker = await MosquittoBroker.StartAsync(pki);
        return new StationHarness(pki, broker);
    }

    public StationOptions Options(string clientId) => new()
    {
        Host = "127.0.0.1",
        Port = Broker.Port,
        ClientId = clientId,
        CaFile = Pki.PathOf("ca.pem"),
        CertFile = Pki.CertFile("station"),
        CertKeyFile = Pki.KeyFile("station"),
        KeysFile = Pki.PathOf("keys.json"),
        SigningKeyFile = Pki.PathOf("signing.key"),
        Database = Pki.PathOf($"{clientId}.db"),
        MinBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromSeconds(1),
        PingInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Starts a station instance and waits until its shared subscription is in place.</summary>
    public async Task<(PanelStation Station, CapturingWriter Output)> StartStationAsync(
        string clientId, Func<StationOptions, StationOptions>? configure = null)
    {
        var output = new CapturingWriter();
        var options = Options(clientId);
        var station = PanelStation.Create(configure is null ? options : configure(options), output, TextWriter.Null);
        _stations.Add(station);
        station.Start();
        await station.Subscribed.WaitAsync(Patience);
        return (station, output);
    }

    public async Task<FakePanel> ConnectPanelAsync(string panelId)
    {
        var panel = await FakePanel.ConnectAsync(this, panelId);
        _panels.Add(panel);
        return panel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var panel in _panels)
        {
            await panel.DisposeAsync();
        }

        foreach (var station in _stations)
        {
            await station.DisposeAsync();
        }

        await Broker.DisposeAsync();
        SigningKey.Dispose();
        Pki.Dispose();
    }
}
