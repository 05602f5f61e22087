using System.Net;
using System.Text.Json;
using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Broker.Configuration;

/// <summary>
/// Reads the broker's JSON config file (docs/broker.md). Every problem is a <see cref="BrokerConfigException"/>
/// naming the field, so the host exits 78 (EX_CONFIG) with a message a technician can act on.
/// </summary>
public static class BrokerConfigLoader
{
    private static readonly string[] s_known =
        ["bind", "port", "caFile", "certFile", "keyFile", "crlFile", "aclFile", "stationIdentity", "maxPendingMessagesPerClient"];

    public static BrokerOptions Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new BrokerConfigException("--config", $"cannot read {path}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BrokerConfigException("--config", "the config is a JSON object");
            }

            // A misspelt key would otherwise silently fall back to a default (e.g. "bind" to loopback is safe, a
            // misspelt "crlFile" would silently disable revocation).
            foreach (var property in root.EnumerateObject().Where(p => !s_known.Contains(p.Name, StringComparer.Ordinal)))
            {
                throw new BrokerConfigException(property.Name, $"unknown setting; known: {string.Join(", ", s_known)}");
            }

            var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var options = new BrokerOptions
            {
                Bind = OptionalString(root, "bind") ?? "127.0.0.1",
                Port = root.TryGetProperty("port", out var port) ? IntOf(port, "port") : 8883,
                CaFile = FileOf(root, "caFile", baseDirectory, required: true),
                CertFile = FileOf(root, "certFile", baseDirectory, required: true),
                KeyFile = FileOf(root, "keyFile", baseDirectory, required: true),
                CrlFile = FileOf(root, "crlFile", baseDirectory, required: false),
                AclFile = FileOf(root, "aclFile", baseDirectory, required: false),
                StationIdentity = OptionalString(root, "stationIdentity") ?? "station",
                MaxPendingMessagesPerClient = root.TryGetProperty("maxPendingMessagesPerClient", out var max)
                    ? IntOf(max, "maxPendingMessagesPerClient") : 1000,
            };
            Validate(options);
            return options;
        }
    }

    /// <summary>Checks options built in code (tests, bench, demo) the same way the file is checked.</summary>
    public static void Validate(BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Bind, out _))
        {
            throw new BrokerConfigException("bind", $"'{options.Bind}' is not an IPv4 or IPv6 address");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new BrokerConfigException("port", "0 to 65535 (0: any free port)");
        }

        if (!PanelIds.IsValid(options.StationIdentity))
        {
            throw new BrokerConfigException("stationIdentity", "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }

        if (options.MaxPendingMessagesPerClient is < 1 or > 1_000_000)
        {
            throw new BrokerConfigException("maxPendingMessagesPerClient", "1 to 1000000");
        }

        foreach (var (field, path, required) in new[]
            { ("caFile", options.CaFile, true), ("certFile", options.CertFile, true), ("keyFile", options.KeyFile, true),
              ("crlFile", options.CrlFile, false), ("aclFile", options.AclFile, false) })
        {
            if ((required || path.Length > 0) && !File.Exists(path))
            {
                throw new BrokerConfigException(field, path.Length == 0 ? "is required" : $"no such file: {path}");
            }
        }
    }

    private static string? OptionalString(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new BrokerConfigException(field, "is a non-empty string");
    }

    private static string FileOf(JsonElement root, string field, string baseDirectory, bool required)
    {
        var text = OptionalString(root, field);
        if (text is null)
        {
            return required ? throw new BrokerConfigException(field, "is required") : "";
        }

        var path = Path.GetFullPath(text, baseDirectory);
        return File.Exists(path) ? path : throw new BrokerConfigException(field, $"no such file: {path}");
    }

    private static int IntOf(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new BrokerConfigException(field, "an integer");
}
