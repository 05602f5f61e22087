using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Station.Keys;

namespace PanelAgent.Station.Provisioning;

/// <summary>
/// <c>panel-station provision</c>: everything one panel and one station need to talk through a broker on this machine
/// — the lab PKI, a fresh master secret (the station's keys file) and the panel's derived keys (the panel never holds
/// the master secret), the station's signing key pair, the panel's config (a base config plus the <c>Link</c>,
/// <c>Uplink</c> and <c>LinkKeys</c> sections), the station's config and the embedded broker's. For the demo, the tests' rigs and lab benches.
/// </summary>
public static class LabProvisioning
{
    /// <summary>Writes the files into <paramref name="directory"/>; returns the broker port the configs name.</summary>
    public static int Write(string directory, string panelId, string basePanelConfig, int port = 0)
    {
        if (!PanelIds.IsValid(panelId))
        {
            throw new ArgumentException("a panel id is 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'", nameof(panelId));
        }

        Directory.CreateDirectory(directory);
        var pki = new LabPki(directory, DateTimeOffset.UtcNow);
        pki.Write(panelId);
        WriteKeys(panelId, pki.WriteFile);

        port = port > 0 ? port : FreeLoopbackPort();
        File.WriteAllText(Path.Combine(directory, "panel.json"), PanelConfig(directory, panelId, basePanelConfig, port));
        File.WriteAllText(Path.Combine(directory, "station.json"), StationConfig(directory, port));
        File.WriteAllText(Path.Combine(directory, "broker.json"), BrokerConfig(port));
        return port;
    }

    /// <summary>
    /// One panel's link keys, each file through <paramref name="writeFile"/> (name, text): a fresh master secret in the
    /// station's <c>station-keys.json</c>, only its derived keys in the panel's <c>panel-keys.json</c>, and a new
    /// station signing key pair (<c>signing.key</c>, <c>signing.pub.pem</c>). The tests and benches use it too.
    /// </summary>
    public static void WriteKeys(string panelId, Action<string, string> writeFile)
    {
        ArgumentNullException.ThrowIfNull(writeFile);
        var master = RandomNumberGenerator.GetBytes(32);
        writeFile("station-keys.json", StationKeyFile.Format([(panelId, 1u, master)]));
        writeFile("panel-keys.json", PanelKeys(panelId, master));
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        writeFile("signing.key", signing.ExportPkcs8PrivateKeyPem());
        writeFile("signing.pub.pem", signing.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>The panel's keys file: only its two derived direction keys, never the master secret.</summary>
    public static string PanelKeys(string panelId, byte[] master) => new JsonObject
    {
        ["panels"] = new JsonArray(new JsonObject
        {
            ["panel"] = panelId,
            ["keyId"] = 1,
            ["uplinkKey"] = Convert.ToBase64String(KeyDerivation.DeriveDirectionKey(master, Direction.Uplink, panelId, 1)),
            ["downlinkKey"] = Convert.ToBase64String(KeyDerivation.DeriveDirectionKey(master, Direction.Downlink, panelId, 1)),
        }),
    }.ToJsonString();

    private static string PanelConfig(string directory, string panelId, string basePanelConfig, int port)
    {
        var config = JsonNode.Parse(File.ReadAllText(basePanelConfig))!.AsObject();
        string At(string file) => Path.GetFullPath(Path.Combine(directory, file));
        config["Link"] = new JsonObject
        {
            ["PanelId"] = panelId,
            ["Brokers"] = new JsonArray(new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = port }),
            ["CaFile"] = At("ca.pem"),
            ["ClientCertFile"] = At($"{panelId}.pem"),
            ["ClientKeyFile"] = At($"{panelId}.key"),
            ["BackoffMin"] = "00:00:00.200",
            ["BackoffMax"] = "00:00:05",
        };
        config["Uplink"] = new JsonObject { ["PollInterval"] = "00:00:00.200" };
        config["LinkKeys"] = new JsonObject
        {
            ["KeysFile"] = At("panel-keys.json"),
            ["StationPublicKeyFile"] = At("signing.pub.pem"),
        };
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string StationConfig(string directory, int port) => new JsonObject
    {
        ["host"] = "127.0.0.1",
        ["port"] = port,
        ["clientId"] = "station-1",
        ["caFile"] = "ca.pem",
        ["certFile"] = "station.pem",
        ["certKeyFile"] = "station.key",
        ["keysFile"] = "station-keys.json",
        ["signingKeyFile"] = "signing.key",
        ["database"] = Path.GetFullPath(Path.Combine(directory, "station.db")),
        ["imagesFolder"] = Path.GetFullPath(Path.Combine(directory, "images")),
        ["minBackoff"] = "00:00:00.200",
        ["maxBackoff"] = "00:00:05",
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>For <c>panel-broker</c> (docs/broker.md); its ACL is the shipped one, built in.</summary>
    private static string BrokerConfig(int port) => new JsonObject
    {
        ["bind"] = "127.0.0.1",
        ["port"] = port,
        ["caFile"] = "ca.pem",
        ["certFile"] = "broker.pem",
        ["keyFile"] = "broker.key",
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
