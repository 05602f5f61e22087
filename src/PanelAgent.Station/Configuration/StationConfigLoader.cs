using System.Globalization;
using System.Text.Json;
using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Station.Configuration;

/// <summary>
/// Reads the station's JSON config file (docs/station.md). Every problem is a <see cref="StationConfigException"/>
/// naming the field, so the host can exit 78 (EX_CONFIG) with a message a technician can act on.
/// </summary>
public static class StationConfigLoader
{
    public static StationOptions Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new StationConfigException("--config", $"cannot read {path}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new StationConfigException("--config", "the config is a JSON object");
            }

            var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var options = new StationOptions
            {
                Host = RequiredString(root, "host"),
                Port = root.TryGetProperty("port", out var port) ? PortOf(port) : 8883,
                ClientId = RequiredString(root, "clientId"),
                CaFile = RequiredFile(root, "caFile", baseDirectory),
                CertFile = RequiredFile(root, "certFile", baseDirectory),
                CertKeyFile = RequiredFile(root, "certKeyFile", baseDirectory),
                KeysFile = RequiredFile(root, "keysFile", baseDirectory),
                SigningKeyFile = RequiredFile(root, "signingKeyFile", baseDirectory),
                Database = Path.GetFullPath(RequiredString(root, "database"), baseDirectory),
                ShareGroup = OptionalString(root, "shareGroup") ?? "stations",
                Supervise = OptionalBool(root, "supervise") ?? true,
                ImagesFolder = OptionalString(root, "imagesFolder") is { } images ? Path.GetFullPath(images, baseDirectory) : null,
            };
            return WithDurations(root, options);
        }
    }

    /// <summary>Checks options built in code (tests, embedding) the same way the file is checked.</summary>
    public static void Validate(StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!PanelIds.IsValid(options.ClientId))
        {
            throw new StationConfigException("clientId", "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }

        if (!PanelIds.IsValid(options.ShareGroup))
        {
            throw new StationConfigException("shareGroup", "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }

        if (options.Port is < 1 or > 65535)
        {
            throw new StationConfigException("port", "1 to 65535");
        }

        if (options.MinBackoff <= TimeSpan.Zero || options.MaxBackoff < options.MinBackoff)
        {
            throw new StationConfigException("minBackoff", "positive and not above maxBackoff");
        }

        if (options.HeartbeatInterval < TimeSpan.FromSeconds(1))
        {
            throw new StationConfigException("heartbeatInterval", "at least 1 second");
        }
    }

    private static StationOptions WithDurations(JsonElement root, StationOptions options)
    {
        var result = options with
        {
            Timeout = Duration(root, "timeout") ?? options.Timeout,
            PingInterval = Duration(root, "pingInterval") ?? options.PingInterval,
            MinBackoff = Duration(root, "minBackoff") ?? options.MinBackoff,
            MaxBackoff = Duration(root, "maxBackoff") ?? options.MaxBackoff,
            HeartbeatInterval = Duration(root, "heartbeatInterval") ?? options.HeartbeatInterval,
        };
        Validate(result);
        return result;
    }

    private static bool? OptionalBool(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new StationConfigException(field, "is true or false"),
        };
    }

    private static string RequiredString(JsonElement root, string field) =>
        OptionalString(root, field) ?? throw new StationConfigException(field, "is required");

    private static string? OptionalString(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new StationConfigException(field, "is a non-empty string");
    }

    private static string RequiredFile(JsonElement root, string field, string baseDirectory)
    {
        var path = Path.GetFullPath(RequiredString(root, field), baseDirectory);
        return File.Exists(path) ? path : throw new StationConfigException(field, $"no such file: {path}");
    }

    private static int PortOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && port is >= 1 and <= 65535
            ? port
            : throw new StationConfigException("port", "an integer from 1 to 65535");

    /// <summary>Durations are TimeSpan strings, e.g. "00:00:10" (STYLE.md: never int seconds).</summary>
    private static TimeSpan? Duration(JsonElement root, string field)
    {
        var text = OptionalString(root, field);
        if (text is null)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new StationConfigException(field, "a positive duration such as \"00:00:10\"");
    }
}
