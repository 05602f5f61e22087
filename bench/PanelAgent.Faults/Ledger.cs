using System.Text.Json;

namespace PanelAgent.Faults;

/// <summary>
/// What one fault row counts: every event the panel persisted (read from its database at each checkpoint, including
/// a database about to be corrupted) against every event line the station printed (across its restarts). Lost: an
/// event the panel persisted that the station never printed. Duplicated: a line printed again for an event already
/// printed, i.e. what the station's de-duplication let through. Thread-safe.
/// </summary>
internal sealed class Ledger
{
    private readonly Lock _gate = new();
    private readonly HashSet<EventKey> _generated = [];
    private readonly Dictionary<EventKey, int> _printed = [];

    /// <summary>Events the panel never logged although the inputs changed (counted by the fault, e.g. a held event that vanished).</summary>
    public long MissingInPanel { get; private set; }

    public void AddGenerated(IEnumerable<EventKey> events)
    {
        lock (_gate)
        {
            _generated.UnionWith(events);
        }
    }

    public void AddMissingInPanel(long count)
    {
        lock (_gate)
        {
            MissingInPanel += Math.Max(0, count);
        }
    }

    /// <summary>One stdout line of panel-station; its own lines (panel.lost, panel.restored) carry no seq and are skipped.</summary>
    public void AddStationLine(string line)
    {
        EventKey key;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.GetProperty("seq").ValueKind != JsonValueKind.Number)
            {
                return;
            }

            key = new EventKey(root.GetProperty("seq").GetInt64(),
                DateTimeOffset.Parse(root.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
                root.GetProperty("type").GetString()!, root.GetProperty("zone").GetString());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return; // not an event line (the station prints nothing else on stdout, but a torn line must not stop the count)
        }

        lock (_gate)
        {
            _printed[key] = _printed.GetValueOrDefault(key) + 1;
        }
    }

    public bool Printed(EventKey key)
    {
        lock (_gate)
        {
            return _printed.ContainsKey(key);
        }
    }

    public LedgerCounts Count()
    {
        lock (_gate)
        {
            var lost = _generated.Where(k => !_printed.ContainsKey(k)).OrderBy(k => k.Seq).ToList();
            var duplicated = _printed.Where(p => p.Value > 1).ToList();
            var stray = _printed.Keys.Count(k => !_generated.Contains(k));
            return new LedgerCounts(_generated.Count, _printed.Count, lost.Count + MissingInPanel,
                duplicated.Sum(d => d.Value - 1), stray, lost, [.. duplicated.Take(5).Select(d => d.Key)]);
        }
    }
}

/// <summary>
/// A row's counts. <paramref name="Stray"/>: printed events not found in any database read (e.g. persisted in a file
/// that was later quarantined before it could be read); reported, not counted as lost.
/// </summary>
internal sealed record LedgerCounts(long Generated, long AtStation, long Lost, long Duplicated, long Stray,
    IReadOnlyList<EventKey> LostEvents, IReadOnlyList<EventKey> FirstDuplicated);
