using System.Globalization;
using System.Text.Json.Nodes;
using PanelAgent.Core.Events;
using PanelAgent.Storage.AccessLog;

namespace PanelAgent.Diagnostics;

/// <summary>How the diagnostics answers write values: UTC instants in ISO 8601, durations in seconds.</summary>
public static class Json
{
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Instant(DateTimeOffset? at) => at is { } value ? JsonValue.Create(Instant(value)) : null;

    public static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);

    /// <summary>An event as the technician sees it: ids and user numbers only, as stored.</summary>
    public static JsonObject Event(StoredEvent stored) => new()
    {
        ["seq"] = stored.Sequence,
        ["at"] = Instant(stored.Event.At),
        ["kind"] = stored.Event.Kind,
        ["zone"] = stored.Event.Zone,
        ["user"] = stored.Event.User,
        ["detail"] = stored.Event.Detail,
    };

    public static JsonObject Access(StoredAccessEntry stored) => new()
    {
        ["seq"] = stored.Sequence,
        ["at"] = Instant(stored.Entry.At),
        ["actor"] = stored.Entry.Actor,
        ["action"] = stored.Entry.Action,
        ["subject"] = stored.Entry.Subject,
        ["detail"] = stored.Entry.Detail,
        ["hash"] = stored.Hash,
    };

    public static JsonArray Array(IEnumerable<JsonNode?> items) => [.. items];
}
