using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PanelAgent.Bench;

/// <summary>
/// Collects the figures of one area and prints them: a readable table, or with <c>--json</c> one JSON object per
/// line (<c>{"area","figure","value","unit","baseline","ratio"}</c>, the last two only where there is a baseline).
/// Diagnostics (breakdowns, the file system the databases were on) go under the table, or to stderr with --json so
/// that stdout stays machine-readable.
/// </summary>
internal sealed class Report(string area)
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public void Add(Figure figure) => _figures.Add(figure);

    public void Note(string line) => _notes.Add(line);

    public void Write(TextWriter output, TextWriter diagnostics, bool json)
    {
        if (json)
        {
            foreach (var figure in _figures)
            {
                output.WriteLine(ToJson(figure));
            }

            foreach (var note in _notes)
            {
                diagnostics.WriteLine(note);
            }

            return;
        }

        output.WriteLine(Table());
        foreach (var note in _notes)
        {
            output.WriteLine(note);
        }
    }

    private string Table()
    {
        string[] header = ["figure", "value", "unit", "baseline", "ratio", "target"];
        var rows = _figures.Select(f => new[]
        {
            f.Build is null ? f.Name : $"{f.Name} ({f.Build})", Format(f.Value), f.Unit, f.Baseline is { } b ? Format(b) : "", f.Ratio is { } r ? Format(r) + "x" : "",
            f.Target ?? "",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"area: {area}");
        AppendRow(text, header, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            // Text columns left-aligned, numbers right-aligned.
            var cell = i is 0 or 2 or 5 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]);
            text.Append(cell).Append(i < cells.Length - 1 ? "  " : "");
        }

        text.AppendLine();
    }

    private string ToJson(Figure figure)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("area", area);
            writer.WriteString("figure", figure.Name);
            WriteNumber(writer, "value", figure.Value);
            writer.WriteString("unit", figure.Unit);
            if (figure.Build is { } build)
            {
                writer.WriteString("build", build);
            }

            if (figure.Baseline is { } baseline)
            {
                WriteNumber(writer, "baseline", baseline);
            }

            if (figure.Ratio is { } ratio)
            {
                WriteNumber(writer, "ratio", ratio);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>JSON has no NaN: a figure that could not be measured is null.</summary>
    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, Round(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Four significant digits: more would only print noise.</summary>
    private static double Round(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return value;
        }

        var digits = 3 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return digits > 0 ? Math.Round(value, Math.Min(digits, 15)) : Math.Round(value);
    }

    private static string Format(double value) => Round(value).ToString("0.####", CultureInfo.InvariantCulture);
}
