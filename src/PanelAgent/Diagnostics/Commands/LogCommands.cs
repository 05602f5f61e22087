using System.Text.Json.Nodes;
using PanelAgent.Core.Events;
using PanelAgent.Privacy;

namespace PanelAgent.Diagnostics.Commands;

/// <summary><c>events</c> (arm/disarm log, alarm history, with filters), <c>logs</c> and <c>audit verify</c>.</summary>
internal static class LogCommands
{
    private const int DefaultLimit = 50;

    public static JsonObject Events(DiagnosticsContext context, CommandRequest request)
    {
        var store = context.Runtime.Store;
        var log = request.String("log") ?? "all";
        IEnumerable<StoredEvent> events = log switch
        {
            "arm" => store.ReadArmLog(),
            "alarm" => store.ReadAlarmHistory(),
            "all" => store.ReadArmLog().Concat(store.ReadAlarmHistory()).OrderBy(e => e.Sequence),
            _ => throw CommandRequest.Bad("log", "one of arm, alarm, all"),
        };
        if (request.String("zone") is { } zone)
        {
            events = events.Where(e => e.Event.Zone == zone);
        }

        if (request.String("kind") is { } kind)
        {
            events = events.Where(e => e.Event.Kind.StartsWith(kind, StringComparison.Ordinal));
        }

        if (request.Int("user") is { } user)
        {
            events = events.Where(e => e.Event.User == user);
        }

        if (request.Instant("since") is { } since)
        {
            events = events.Where(e => e.Event.At >= since);
        }

        var limit = request.Int("limit") ?? DefaultLimit;
        if (limit is < 1 or > 10_000)
        {
            throw CommandRequest.Bad("limit", "between 1 and 10000");
        }

        return new JsonObject { ["log"] = log, ["events"] = Json.Array(events.TakeLast(limit).Select(Json.Event)) };
    }

    public static JsonObject Logs(DiagnosticsContext context, CommandRequest request)
    {
        var lines = request.Int("lines") ?? 100;
        if (lines is < 1 or > RingLoggerProvider.DefaultCapacity)
        {
            throw CommandRequest.Bad("lines", $"between 1 and {RingLoggerProvider.DefaultCapacity}");
        }

        var level = request.String("level") is { } name
            ? Enum.TryParse<LogLevel>(name, ignoreCase: true, out var parsed) ? parsed : throw CommandRequest.Bad("level", "trace, debug, information, warning, error or critical")
            : LogLevel.Trace;
        return new JsonObject
        {
            ["lines"] = Json.Array(context.Logs.Read(lines, level).Select(l => (JsonNode)new JsonObject
            {
                ["at"] = Json.Instant(l.At),
                ["level"] = l.Level.ToString(),
                ["category"] = l.Category,
                ["eventId"] = l.EventId,
                ["message"] = l.Message,
            })),
        };
    }

    public static JsonObject AuditVerify(DiagnosticsContext context)
    {
        var store = context.Privacy.Store
            ?? throw new DiagnosticsException(DiagnosticsErrorKinds.Unavailable, "the panel's database is not available");
        var result = store.VerifyAccessLog();
        return new JsonObject
        {
            ["intact"] = result.Intact,
            ["entries"] = result.Entries,
            ["firstSequence"] = result.FirstSequence,
            ["lastSequence"] = result.LastSequence,
            ["pruned"] = result.Pruned,
            ["headHash"] = result.HeadHash,
            ["problem"] = result.Problem,
            ["badSequence"] = result.BadSequence,
        };
    }

    /// <summary>A user's number as the technician sees it; the label only as initials (P12).</summary>
    public static JsonObject User(Core.Users.UserRecord user) => new()
    {
        ["number"] = user.Number,
        ["initials"] = Redaction.Initials(user.Label),
        ["duress"] = user.IsDuress,
        ["code"] = "set",
    };
}
