using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Keys;
using PanelAgent.TestSupport;

namespace PanelAgent.Tests.Support;

/// <summary>
/// Key material and config for a panel-agent with a station link: a station keys file (master secret), the panel's
/// keys file with only its derived keys (the production format), the station's signing key and its public PEM, and
/// sim-villa with the <c>Link</c>, <c>Uplink</c> and <c>LinkKeys</c> sections pointing at a test broker.
/// </summary>
internal sealed class LinkRig : IDisposable
{
    /// <summary>The test PKI issues certificates for panel-a; the link speaks as panel-a while the panel stays sim-villa.</summary>
    public const string PanelId = "panel-a";

    public LinkRig(TestPki pki)
    {
        Pki = pki;
        var master = RandomNumberGenerator.GetBytes(32);
        pki.Write("station-keys.json", StationKeyFile.Format([(PanelId, 1u, master)]));
        SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        pki.Write("signing.key", SigningKey.ExportPkcs8PrivateKeyPem());
        pki.Write("signing.pub.pem", SigningKey.ExportSubjectPublicKeyInfoPem());
        var panelKeys = new JsonObject
        {
            ["panels"] = new JsonArray(new JsonObject
            {
                ["panel"] = PanelId,
                ["keyId"] = 1,
                ["uplinkKey"] = Convert.ToBase64String(KeyDerivation.DeriveDirectionKey(master, Direction.Uplink, PanelId, 1)),
                ["downlinkKey"] = Convert.ToBase64String(KeyDerivation.DeriveDirectionKey(master, Direction.Downlink, PanelId, 1)),
            }),
        };
        pki.Write("panel-keys.json", panelKeys.ToJsonString());
    }

    public TestPki Pki { get; }

    public ECDsa SigningKey { get; }

    /// <summary>sim-villa plus the link sections, with short link timings so a test stays quick.</summary>
    public JsonObject Config(int brokerPort)
    {
        var config = SimVilla.Json();
        config["Link"] = new JsonObject
        {
            ["PanelId"] = PanelId,
            ["Brokers"] = new JsonArray(new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort }),
            ["CaFile"] = Pki.PathOf("ca.pem"),
            ["ClientCertFile"] = Pki.CertFile(PanelId),
            ["ClientKeyFile"] = Pki.KeyFile(PanelId),
            ["KeepAlive"] = "00:00:05",
            ["ConnectTimeout"] = "00:00:05",
            ["PublishDeadline"] = "00:00:05",
            ["BackoffMin"] = "00:00:00.100",
            ["BackoffMax"] = "00:00:01",
        };
        config["Uplink"] = new JsonObject
        {
            ["AckTimeout"] = "00:00:02",
            ["PollInterval"] = "00:00:00.200",
        };
        config["LinkKeys"] = new JsonObject
        {
            ["KeysFile"] = Pki.PathOf("panel-keys.json"),
            ["StationPublicKeyFile"] = Pki.PathOf("signing.pub.pem"),
        };
        return config;
    }

    /// <summary>panel-station on the test broker, with the keys this rig wrote; short backoffs so tests stay quick.</summary>
    public static StationOptions StationOptions(TestPki pki, int port, string database) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = "station",
        CaFile = pki.PathOf("ca.pem"),
        CertFile = pki.CertFile("station"),
        CertKeyFile = pki.KeyFile("station"),
        KeysFile = pki.PathOf("station-keys.json"),
        SigningKeyFile = pki.PathOf("signing.key"),
        Database = database,
        MinBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromSeconds(1),
        PingInterval = TimeSpan.FromMilliseconds(200),
    };

    public void Dispose() => SigningKey.Dispose();
}
