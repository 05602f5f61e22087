using System.Globalization;
using System.Text;
using System.Text.Json;
using PanelAgent.Core.Events;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// The output of the rig's in-process panel-station: each printed event line (docs/station.md) of the panel under
/// test becomes a <see cref="PanelEvent"/> in <see cref="Order"/>. Lines of other panels and the station's own lines
/// (no <c>seq</c>) are ignored. Lines carry ids and numbers only, never a code (P9).
/// </summary>
internal sealed class StationLineSink(string panelId, EventOrder order) : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _current = new();

    public EventOrder Order => order;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value != '\n')
            {
                _current.Append(value);
                return;
            }

            var line = _current.ToString();
            _current.Clear();
            Parse(line);
        }
    }

    private void Parse(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.GetProperty("panel").GetString() != panelId || root.GetProperty("seq").ValueKind != JsonValueKind.Number)
            {
                return;
            }

            var e = new PanelEvent(root.GetProperty("type").GetString()!,
                DateTimeOffset.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Text(root, "zone"), root.GetProperty("user").ValueKind == JsonValueKind.Number ? root.GetProperty("user").GetInt32() : null,
                Text(root, "detail"));
            order.Add(root.GetProperty("seq").GetInt64(), e);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Not an event line (an image line, say): nothing for the scenario.
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
