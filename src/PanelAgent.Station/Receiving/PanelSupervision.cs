using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// Which panels the station still hears (issue 3 §4): a panel is lost after three heartbeat intervals without an
/// authenticated status or event, or at once on its last will; it is restored when heard again. Every provisioned
/// panel is watched from the station's start, so one that never comes back is reported too. Thread-safe.
/// </summary>
public sealed class PanelSupervision
{
    /// <summary>Heartbeats a panel may miss before it is reported lost.</summary>
    public const int MissedHeartbeats = 3;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Watch> _panels = new(StringComparer.Ordinal);
    private readonly TimeSpan _defaultInterval;

    public PanelSupervision(IEnumerable<string> panels, TimeSpan defaultInterval, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(panels);
        _defaultInterval = defaultInterval;
        foreach (var panel in panels)
        {
            _panels[panel] = new Watch(now, defaultInterval, Session: null, Lost: false);
        }
    }

    /// <summary>The panel spoke (fresh and authentic). True when it had been lost: report panel.restored.</summary>
    public bool Heard(string panel, DateTimeOffset now, SessionNonce? session = null, TimeSpan? interval = null)
    {
        lock (_lock)
        {
            var known = _panels.TryGetValue(panel, out var watch);
            var heartbeat = interval is { } i && i > TimeSpan.Zero ? i : known ? watch!.Interval : _defaultInterval;
            _panels[panel] = new Watch(now, heartbeat, session ?? watch?.Session, Lost: false);
            return known && watch!.Lost;
        }
    }

    /// <summary>
    /// The panel's last will arrived. It is sealed when the panel connects, so it is stale by the time the broker
    /// publishes it; it counts only when sealed in the session the panel's latest heartbeat came from, so a will of
    /// an earlier connection replayed later is ignored. True when this makes the panel lost: report panel.lost.
    /// </summary>
    public bool WillReceived(string panel, SessionNonce session)
    {
        lock (_lock)
        {
            if (!_panels.TryGetValue(panel, out var watch) || watch.Lost || watch.Session != session)
            {
                return false;
            }

            _panels[panel] = watch with { Lost = true };
            return true;
        }
    }

    /// <summary>Panels silent for <see cref="MissedHeartbeats"/> intervals, now marked lost (each reported once).</summary>
    public IReadOnlyList<string> Sweep(DateTimeOffset now)
    {
        lock (_lock)
        {
            var lost = _panels
                .Where(p => !p.Value.Lost && now - p.Value.LastHeard >= p.Value.Interval * MissedHeartbeats)
                .Select(p => p.Key)
                .ToList();
            foreach (var panel in lost)
            {
                _panels[panel] = _panels[panel] with { Lost = true };
            }

            return lost;
        }
    }

    public bool IsLost(string panel)
    {
        lock (_lock)
        {
            return _panels.TryGetValue(panel, out var watch) && watch.Lost;
        }
    }

    private sealed record Watch(DateTimeOffset LastHeard, TimeSpan Interval, SessionNonce? Session, bool Lost);
}
