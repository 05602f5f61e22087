using System.Globalization;
using System.Text.Json;

namespace PanelAgent.Faults;

/// <summary>The campaign's one table, or with <c>--json</c> one JSON object per row.</summary>
internal static class FaultTable
{
    private static readonly string[] s_headers =
        ["fault", "runs", "events generated", "at station", "lost", "duplicated", "worst recovery (s)"];

    public static void Write(TextWriter output, IReadOnlyList<FaultRow> rows, bool json)
    {
        if (json)
        {
            foreach (var row in rows)
            {
                output.WriteLine(JsonSerializer.Serialize(row));
            }

            return;
        }

        var cells = rows.Select(r => new[]
        {
            r.Fault, Text(r.Runs), Text(r.Generated), Text(r.AtStation), Text(r.Lost), Text(r.Duplicated),
            r.WorstRecoverySeconds.ToString("F2", CultureInfo.InvariantCulture),
        }).ToList();
        var widths = s_headers.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(s_headers, widths));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row, widths));
        }

        foreach (var row in rows.Where(r => r.Notes.Length > 0 || r.Error is not null))
        {
            output.WriteLine($"* {row.Fault}: {row.Notes}{(row.Error is null ? "" : $" ERROR {row.Error}")}");
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
