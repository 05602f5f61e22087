using System.Collections.Concurrent;

namespace PanelAgent.Station.Receiving;

/// <summary>What the station did with what it received, by reason (OpenStatus names, plus its own). Thread-safe.</summary>
public sealed class StationCounters
{
    public const string NewEvent = "NewEvent";
    public const string Duplicate = "Duplicate";
    public const string BadTopic = "BadTopic";
    public const string Undecodable = "Undecodable";
    public const string AckPublished = "AckPublished";
    public const string AckFailed = "AckFailed";
    public const string Heartbeat = "Heartbeat";
    public const string PanelLost = "PanelLost";
    public const string StaleStatus = "StaleStatus";

    /// <summary>An event whose burst could not be committed (disk full, I/O error): no line, no ack; the panel resends.</summary>
    public const string StoreFailed = "StoreFailed";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Increment(string reason) => _counts.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public long this[string reason] => _counts.TryGetValue(reason, out var n) ? n : 0;

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);
}
