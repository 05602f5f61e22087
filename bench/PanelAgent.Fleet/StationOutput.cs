using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace PanelAgent.Fleet;

/// <summary>
/// The event lines of every station of one measurement, merged: per (panel, seq) how many lines were printed and when
/// the first one was read here (a <see cref="Stopwatch"/> timestamp: the stations' own stamps have whole milliseconds). De-duplicating by
/// (panel, seq) is what a consumer of several instances does (docs/station.md, "Several instances").
/// </summary>
internal sealed class StationOutput
{
    private readonly ConcurrentDictionary<(string Panel, long Seq), Delivery> _deliveries = new();
    private readonly ConcurrentDictionary<string, long> _perStation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Station, string Panel, long Seq), byte> _seenByStation = new();
    private long _lines;
    private long _repeatedByStation;
    private long _unreadable;

    /// <summary>Event lines read, duplicates included.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Lines that were not an event line (never expected; counted so that a format change shows).</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    public IReadOnlyDictionary<string, long> PerStation => _perStation;

    /// <summary>
    /// Lines a station printed for a (panel, seq) it had printed before: its own de-duplication failed. Always 0
    /// unless the station is broken; a repeat across two stations is a redelivery, not this.
    /// </summary>
    public long RepeatedByStation => Interlocked.Read(ref _repeatedByStation);

    public bool TryGet(string panel, long seq, out Delivery delivery) => _deliveries.TryGetValue((panel, seq), out delivery!);

    /// <summary>Called for every stdout line of a station; never throws.</summary>
    public void Add(string line)
    {
        var read = Stopwatch.GetTimestamp();
        if (!TryParse(line, out var panel, out var seq, out var station))
        {
            Interlocked.Increment(ref _unreadable);
            return;
        }

        Interlocked.Increment(ref _lines);
        _perStation.AddOrUpdate(station, 1, (_, n) => n + 1);
        if (!_seenByStation.TryAdd((station, panel, seq), 0))
        {
            Interlocked.Increment(ref _repeatedByStation);
        }

        _deliveries.AddOrUpdate((panel, seq), _ => new Delivery(read, 1), (_, d) => d with { Count = d.Count + 1 });
    }

    private static bool TryParse(string line, out string panel, out long seq, out string station)
    {
        (panel, seq, station) = ("", 0, "");
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
            station = root.GetProperty("station").GetString() ?? "";
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>One event at the stations: when its first line was read (Stopwatch timestamp) and how many lines there were.</summary>
internal readonly record struct Delivery(long FirstRead, int Count)
{
    /// <summary>Milliseconds from <paramref name="raised"/> (a Stopwatch timestamp) to the first line.</summary>
    public double LatencyMs(long raised) => Stopwatch.GetElapsedTime(raised, FirstRead).TotalMilliseconds;
}
