using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PanelAgent.Fleet;

/// <summary>
/// The fleet table, or with <c>--json</c> one object per figure and row:
/// <c>{"area":"fleet","figure":"rate","value":…,"unit":"events/s","panels":N,"stations":S,"baseline":…,"ratio":…}</c>.
/// <c>dup</c> counts lines beyond the first per (panel, seq) across the group (redeliveries to another instance,
/// removed by de-duplicating on (panel, seq)); <c>dup/st</c> counts one station printing one event twice (must be 0).
/// The baseline of a row's rate is the same N with one station, measured in the same run: the ratio is the scaling.
/// </summary>
internal static class FleetReport
{
    private static readonly string[] s_header =
        ["panels", "stations", "connect s", "events", "events/s", "x1 st", "paced/s", "p50 ms", "p99 ms", "lost", "dup", "dup/st", "resent", "drop st", "reconn", "fleet MB", "station MB", "fds"];

    public static string Table(IReadOnlyList<FleetResult> results)
    {
        var rows = results.Select(r => new[]
        {
            Int(r.Panels), Int(r.Stations), Num(r.ConnectSeconds), Int(r.Events), Num(r.EventsPerSecond),
            Baseline(results, r) is { } b ? Num(r.EventsPerSecond / b) : "", Num(r.PacedRate), Num(r.P50Ms), Num(r.P99Ms),
            Int(r.Lost), Int(r.Duplicates), Int(r.RepeatedByStation), Int(r.Resent), Int(r.BrokerDropped), Int(r.Reconnects), Int(r.FleetRssKb / 1024), Int(r.StationRssKb / 1024), Int(r.OpenFiles),
        }).ToList();
        var widths = s_header.Select((h, i) => rows.Select(row => row[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder("area: fleet\n");
        Append(text, s_header, widths);
        Append(text, [.. widths.Select(w => new string('-', w))], widths);
        rows.ForEach(row => Append(text, row, widths));
        return text.ToString().TrimEnd();
    }

    public static IEnumerable<string> Json(IReadOnlyList<FleetResult> results)
    {
        foreach (var r in results)
        {
            var baseline = Baseline(results, r);
            yield return Line("rate", r.EventsPerSecond, "events/s", r, baseline);
            yield return Line("p50", r.P50Ms, "ms", r);
            yield return Line("p99", r.P99Ms, "ms", r);
            yield return Line("lost", r.Lost, "events", r);
            yield return Line("duplicates", r.Duplicates, "events", r);
            yield return Line("repeated_by_station", r.RepeatedByStation, "events", r);
            yield return Line("resent", r.Resent, "events", r);
            yield return Line("broker_dropped", r.BrokerDropped, "stations", r);
            yield return Line("reconnects", r.Reconnects, "links", r);
            yield return Line("connect", r.ConnectSeconds, "s", r);
            yield return Line("fleet_rss", r.FleetRssKb, "kB", r);
            yield return Line("station_rss", r.StationRssKb, "kB", r);
        }
    }

    private static double? Baseline(IReadOnlyList<FleetResult> results, FleetResult row) =>
        results.FirstOrDefault(r => r.Panels == row.Panels && r.Stations == 1)?.EventsPerSecond;

    private static string Line(string figure, double value, string unit, FleetResult row, double? baseline = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("area", "fleet");
            json.WriteString("figure", figure);
            WriteNumber(json, "value", value);
            json.WriteString("unit", unit);
            json.WriteNumber("panels", row.Panels);
            json.WriteNumber("stations", row.Stations);
            if (baseline is { } b)
            {
                WriteNumber(json, "baseline", b);
                WriteNumber(json, "ratio", value / b);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>JSON has no NaN: a figure that could not be measured is null.</summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        text.AppendJoin("  ", cells.Select((c, i) => c.PadLeft(widths[i]))).Append('\n');
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => double.IsFinite(value)
        ? value.ToString(value >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture)
        : "-";
}
