using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Station.Keys;
using PanelAgent.TestSupport;
using PanelAgent.Transport;

namespace PanelAgent.Fleet;

/// <summary>
/// What a fleet runs on: one real Mosquitto on 127.0.0.1 with the shipped ACL and the test config, the test PKI plus
/// a certificate per panel, a master secret per panel (the station's keys file lists them all; each panel holds only
/// its derived keys), the station's signing key, and station configs for panel-station processes.
/// </summary>
internal sealed class FleetWorld : IAsyncDisposable
{
    private readonly Dictionary<string, byte[]> _masters = new(StringComparer.Ordinal);

    private FleetWorld(TestPki pki, MosquittoBroker broker, IReadOnlyList<string> panelIds, string dataDirectory)
    {
        Pki = pki;
        Broker = broker;
        PanelIds = panelIds;
        DataDirectory = dataDirectory;
    }

    public TestPki Pki { get; }

    public MosquittoBroker Broker { get; }

    /// <summary>Every panel provisioned; a run of N panels uses the first N.</summary>
    public IReadOnlyList<string> PanelIds { get; }

    /// <summary>Where the stations' databases go (disk-backed, so their fsyncs are real).</summary>
    public string DataDirectory { get; }

    private string PanelDirectory => Pki.PathOf("panels");

    public static string PanelId(int index) => $"fleet-{index + 1:D5}";

    public static async Task<FleetWorld> StartAsync(int maxPanels, string dataDirectory)
    {
        var pki = new TestPki();
        try
        {
            var ids = Enumerable.Range(0, maxPanels).Select(PanelId).ToArray();
            FleetPki.Issue(pki.Ca, ids, pki.PathOf("panels"));
            var broker = await MosquittoBroker.StartAsync(pki);
            var world = new FleetWorld(pki, broker, ids, dataDirectory);
            world.WriteKeys();
            return world;
        }
        catch
        {
            pki.Dispose();
            throw;
        }
    }

    /// <summary>The link options of one panel, as a provisioned panel's <c>Link</c> section would say them.</summary>
    public MqttLinkOptions LinkOptions(string panelId)
    {
        var options = new MqttLinkOptions
        {
            PanelId = panelId,
            CaFile = Pki.PathOf("ca.pem"),
            ClientCertFile = FleetPki.CertFile(PanelDirectory, panelId),
            ClientKeyFile = FleetPki.KeyFile(PanelDirectory, panelId),
            BackoffMin = TimeSpan.FromMilliseconds(500),
            BackoffMax = TimeSpan.FromSeconds(10),
        };
        options.Brokers.Add(new BrokerEndpoint { Host = "127.0.0.1", Port = Broker.Port });
        return options;
    }

    /// <summary>The panel's own key set: derived from its master secret, which the panel itself never holds.</summary>
    public KeySet PanelKeys(string panelId) => KeyDerivation.DeriveKeySet(_masters[panelId], panelId, 1);

    /// <summary>A fresh instance of the station's public key for one panel (ECDsa objects are not shared across threads).</summary>
    public ECDsa StationPublicKey()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Pki.PathOf("signing.pub.pem")));
        return key;
    }

    /// <summary>A panel-station config: its own client id and database, the shared group, supervision off.</summary>
    public string WriteStationConfig(string clientId, string database)
    {
        var path = Pki.PathOf($"{clientId}.json");
        File.WriteAllText(path, new JsonObject
        {
            ["host"] = "127.0.0.1",
            ["port"] = Broker.Port,
            ["clientId"] = clientId,
            ["caFile"] = Pki.PathOf("ca.pem"),
            ["certFile"] = Pki.CertFile("station"),
            ["certKeyFile"] = Pki.KeyFile("station"),
            ["keysFile"] = Pki.PathOf("station-keys.json"),
            ["signingKeyFile"] = Pki.PathOf("signing.key"),
            ["database"] = database,
            ["shareGroup"] = "fleet",
            // The fleet measures events; the simulated panels send no heartbeats (docs/fleet.md).
            ["supervise"] = false,
            ["minBackoff"] = "00:00:00.100",
            ["maxBackoff"] = "00:00:02",
        }.ToJsonString());
        return path;
    }

    private void WriteKeys()
    {
        foreach (var id in PanelIds)
        {
            _masters[id] = RandomNumberGenerator.GetBytes(KeyDerivation.MinMasterSecretBytes);
        }

        Pki.Write("station-keys.json", StationKeyFile.Format(PanelIds.Select(id => (id, 1u, _masters[id]))));
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Pki.Write("signing.key", signing.ExportPkcs8PrivateKeyPem());
        Pki.Write("signing.pub.pem", signing.ExportSubjectPublicKeyInfoPem());
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        Pki.Dispose();
    }
}
