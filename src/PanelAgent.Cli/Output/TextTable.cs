using System.Text.Json.Nodes;

namespace PanelAgent.Cli.Output;

/// <summary>A plain left-aligned table: upper-case headers, two spaces between columns, "-" for nothing.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        List<IReadOnlyList<string>> all = [headers.Select(h => h.ToUpperInvariant()).ToList()];
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    /// <summary>Key-value lines, keys padded to one column.</summary>
    public static void Pairs(TextWriter output, IEnumerable<(string Key, string Value)> pairs)
    {
        var list = pairs.ToList();
        var width = list.Max(p => p.Key.Length) + 1;
        foreach (var (key, value) in list)
        {
            output.WriteLine($"{(key + ":").PadRight(width)}  {value}");
        }
    }

    /// <summary>A JSON value as a cell: strings bare, null as "-", booleans as yes/no.</summary>
    public static string Cell(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "yes" : "no",
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? "-" : s,
        JsonArray a => a.Count == 0 ? "none" : string.Join(", ", a.Select(Cell)),
        _ => node.ToJsonString(),
    };
}
