using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PanelAgent.Diagnostics;

/// <summary>
/// One request as a command handler sees it: its arguments, who asked (<c>technician:&lt;uid&gt;</c>), where to send
/// live progress lines (walk test), and the session's cancellation. Argument readers name the argument on error.
/// </summary>
public sealed record CommandRequest(string Command, JsonObject Args, string Actor, Func<JsonObject, Task> Progress,
    CancellationToken Cancellation)
{
    public string? String(string name) => Read(name, n => n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null);

    public string RequiredString(string name) => String(name) ?? throw Missing(name);

    public int? Int(string name) => Read<int?>(name, n => n.GetValueKind() == JsonValueKind.Number && n.AsValue().TryGetValue<int>(out var v) ? v : null);

    public int RequiredInt(string name) => Int(name) ?? throw Missing(name);

    public bool Bool(string name) => Read<bool?>(name, n => n.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    }) ?? false;

    public DateTimeOffset? Instant(string name) => String(name) is not { } text
        ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw Bad(name, "not an ISO 8601 date or instant");

    public static DiagnosticsException Bad(string name, string why) =>
        new(DiagnosticsErrorKinds.BadRequest, $"argument '{name}': {why}");

    private static DiagnosticsException Missing(string name) => Bad(name, "missing");

    private T? Read<T>(string name, Func<JsonNode, T?> convert)
    {
        if (!Args.TryGetPropertyValue(name, out var node) || node is null)
        {
            return default;
        }

        return convert(node) ?? throw Bad(name, "wrong type");
    }
}
