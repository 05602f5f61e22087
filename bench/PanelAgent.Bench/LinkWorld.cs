using System.Text.Json.Nodes;
using PanelAgent.Station.Provisioning;
using PanelAgent.TestSupport;

namespace PanelAgent.Bench;

/// <summary>
/// What the link benchmark runs on: a real Mosquitto on 127.0.0.1 with the shipped ACL and a PKI made for the run,
/// the station's keys file and signing key, the panel's derived keys, and sim-villa with the Link sections pointing
/// at the broker (as tests/PanelAgent.Tests LinkRig writes it), saved as a config file both the in-process panel and
/// the panel-agent process load.
/// </summary>
internal sealed class LinkWorld : IAsyncDisposable
{
    public const string PanelId = "panel-a";

    private LinkWorld(TestPki pki, MosquittoBroker broker, string directory)
    {
        Pki = pki;
        Broker = broker;
        Directory = directory;
    }

    public TestPki Pki { get; }

    public MosquittoBroker Broker { get; }

    public string Directory { get; }

    /// <summary>sim-villa plus Link, Uplink and LinkKeys.</summary>
    public string PanelConfigPath => Path.Combine(Directory, "panel-link.json");

    public static async Task<LinkWorld> StartAsync(string simVillaPath, string directory)
    {
        var pki = new TestPki();
        var broker = await MosquittoBroker.StartAsync(pki);
        var world = new LinkWorld(pki, broker, directory);
        world.WriteKeys();
        world.WritePanelConfig(simVillaPath);
        return world;
    }

    /// <summary>The station's config file for a panel-station process (clientId and database given).</summary>
    public string WriteStationConfig(string clientId, string database)
    {
        var path = Path.Combine(Directory, $"{clientId}.json");
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
            ["minBackoff"] = "00:00:00.050",
            ["maxBackoff"] = "00:00:01",
        }.ToJsonString());
        return path;
    }

    /// <summary>An in-process station's options on this world's broker, PKI and keys.</summary>
    public PanelAgent.Station.Configuration.StationOptions StationOptions(string clientId, string database,
        string? imagesFolder = null) => new()
    {
        Host = "127.0.0.1",
        Port = Broker.Port,
        ClientId = clientId,
        CaFile = Pki.PathOf("ca.pem"),
        CertFile = Pki.CertFile("station"),
        CertKeyFile = Pki.KeyFile("station"),
        KeysFile = Pki.PathOf("station-keys.json"),
        SigningKeyFile = Pki.PathOf("signing.key"),
        Database = database,
        ImagesFolder = imagesFolder,
        MinBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromSeconds(1),
    };

    /// <summary>Polls <paramref name="condition"/> until it holds; throws naming <paramref name="what"/> after the patience.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"link bench: not reached in time: {what}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        Pki.Dispose();
    }

    private void WriteKeys() => LabProvisioning.WriteKeys(PanelId, Pki.Write);

    private void WritePanelConfig(string simVillaPath)
    {
        var config = JsonNode.Parse(File.ReadAllText(simVillaPath))!.AsObject();
        config["Link"] = new JsonObject
        {
            ["PanelId"] = PanelId,
            ["Brokers"] = new JsonArray(new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = Broker.Port }),
            ["CaFile"] = Pki.PathOf("ca.pem"),
            ["ClientCertFile"] = Pki.CertFile(PanelId),
            ["ClientKeyFile"] = Pki.KeyFile(PanelId),
            ["BackoffMin"] = "00:00:00.050",
            ["BackoffMax"] = "00:00:01",
        };
        config["LinkKeys"] = new JsonObject
        {
            ["KeysFile"] = Pki.PathOf("panel-keys.json"),
            ["StationPublicKeyFile"] = Pki.PathOf("signing.pub.pem"),
        };
        File.WriteAllText(PanelConfigPath, config.ToJsonString());
    }
}
