using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace PanelAgent.Fleet;

/// <summary>
/// The event lines of every station of one measurement, merged: per (panel, seq) how many lines were printed and when
/// the first one was (the station's <c>received</c>) against the event's own time (<c>at</c>). De-duplicating by
/// (panel, seq) is what a consumer of several instances does (docs/station.md, "Several instances").
/// </summary>
internal sealed class StationOutput
{
    private readonly ConcurrentDictionary<(string Panel, long Seq), Delivery> _deliveries = new();
    private readonly ConcurrentDictionary<string, long> _perStation = new(StringComparer.Ordinal);
    private long _lines;
    private long _unreadable;

    /// <summary>Event lines read, duplicates included.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Lines that were not an event line (never expected; counted so that a format change shows).</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    public IReadOnlyDictionary<string, long> PerStation => _perStation;

    public bool TryGet(string panel, long seq, out Delivery delivery) => _deliveries.TryGetValue((panel, seq), out delivery!);

    /// <summary>Called for every stdout line of a station; never throws.</summary>
    public void Add(string line)
    {
        if (!TryParse(line, out var panel, out var seq, out var at, out var received, out var station))
        {
            Interlocked.Increment(ref _unreadable);
            return;
        }

        Interlocked.Increment(ref _lines);
        _perStation.AddOrUpdate(station, 1, (_, n) => n + 1);
        _deliveries.AddOrUpdate((panel, seq), _ => new Delivery(at, received, 1),
            (_, d) => d with { Count = d.Count + 1, Received = d.Received < received ? d.Received : received });
    }

    private static bool TryParse(string line, out string panel, out long seq, out DateTimeOffset at,
        out DateTimeOffset received, out string station)
    {
        (panel, seq, at, received, station) = ("", 0, default, default, "");
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("seq", out var s) || s.ValueKind != JsonValueKind.Number)
            {
                return false;
            }

            panel = root.GetProperty("panel").GetString() ?? "";
            seq = s.GetInt64();
            at = DateTimeOffset.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
            received = DateTimeOffset.Parse(root.GetProperty("received").GetString()!, CultureInfo.InvariantCulture);
            station = root.GetProperty("station").GetString() ?? "";
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>One event at the stations: its time at the panel, the first station line's time, and how many lines.</summary>
internal readonly record struct Delivery(DateTimeOffset At, DateTimeOffset Received, int Count)
{
    public double LatencyMs => (Received - At).TotalMilliseconds;
}
