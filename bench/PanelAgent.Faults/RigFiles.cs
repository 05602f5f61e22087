using System.Text.Json.Nodes;
using PanelAgent.Station.Provisioning;
using PanelAgent.TestSupport;

namespace PanelAgent.Faults;

/// <summary>
/// The rig's key material and configs: the station's keys file and signing key, the panel's derived keys (as
/// <c>panel-station provision</c> writes them), sim-villa with mains at debounce zero (each change one event), the
/// campaign's re-read period and the Link sections pointing at the fault proxy, and the station's config on the broker.
/// </summary>
internal static class RigFiles
{
    public const string PanelId = "panel-a";

    public static void WriteKeys(TestPki pki) => LabProvisioning.WriteKeys(PanelId, pki.Write);

    public static string WritePanelConfig(FaultSettings settings, TestPki pki, int proxyPort, string path)
    {
        var config = JsonNode.Parse(File.ReadAllText(settings.PanelConfig))!.AsObject();
        var mains = config["Panel"]!["Zones"]!.AsArray().Single(z => (string?)z!["Id"] == "mains")!;
        mains["Debounce"] = "00:00:00";
        config["Hardware"]!["RereadInterval"] = settings.Reread.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        config["Link"] = new JsonObject
        {
            ["PanelId"] = PanelId,
            ["Brokers"] = new JsonArray(new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = proxyPort }),
            ["CaFile"] = pki.PathOf("ca.pem"),
            ["ClientCertFile"] = pki.CertFile(PanelId),
            ["ClientKeyFile"] = pki.KeyFile(PanelId),
            ["BackoffMin"] = "00:00:00.100",
            ["BackoffMax"] = "00:00:02",
        };
        config["Uplink"] = new JsonObject { ["PollInterval"] = "00:00:00.200" };
        config["LinkKeys"] = new JsonObject
        {
            ["KeysFile"] = pki.PathOf("panel-keys.json"),
            ["StationPublicKeyFile"] = pki.PathOf("signing.pub.pem"),
        };
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    public static string WriteStationConfig(TestPki pki, int brokerPort, string database, string path)
    {
        File.WriteAllText(path, new JsonObject
        {
            ["host"] = "127.0.0.1",
            ["port"] = brokerPort,
            ["clientId"] = "station-1",
            ["caFile"] = pki.PathOf("ca.pem"),
            ["certFile"] = pki.CertFile("station"),
            ["certKeyFile"] = pki.KeyFile("station"),
            ["keysFile"] = pki.PathOf("station-keys.json"),
            ["signingKeyFile"] = pki.PathOf("signing.key"),
            ["database"] = database,
            ["minBackoff"] = "00:00:00.050",
            ["maxBackoff"] = "00:00:01",
        }.ToJsonString());
        return path;
    }
}
