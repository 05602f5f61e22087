using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Protocol.Replay;

/// <summary>
/// Rejects authenticated messages that are stale or already seen: the timestamp must lie in the
/// <see cref="ReplayWindow"/>, and the sequence must exceed the highest accepted in its sender session, per panel and
/// topic. Keyed by session because a sender's counter starts afresh in every session (a restart, a restored backup, a
/// second station instance); keyed by topic because MQTT orders messages only within a topic (MQTT 5 §4.6).
/// A session is forgotten <see cref="ReplayWindow.Retention"/> after its last message, when all its messages are out
/// of the window anyway. Only authenticated headers reach it, so a forger cannot fill it. Thread-safe.
/// </summary>
public sealed class ReplayGuard
{
    private static readonly TimeSpan s_pruneInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<SessionKey, SessionState> _sessions = [];
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public ReplayGuard(TimeProvider time, ReplayWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Window = window ?? ReplayWindow.SiaDc09;
    }

    public ReplayWindow Window { get; }

    /// <summary>The receiver's clock, returned with every result so a sender can correct its offset.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Sender sessions currently remembered.</summary>
    public int TrackedSessions
    {
        get { lock (_lock) { return _sessions.Count; } }
    }

    /// <summary>
    /// Checks an authenticated header against the window and its session's highest sequence, and records it when
    /// accepted. Returns <see cref="OpenStatus.Accepted"/>, <see cref="OpenStatus.OutOfWindow"/> or
    /// <see cref="OpenStatus.Replayed"/>.
    /// </summary>
    public OpenStatus Check(EnvelopeHeader header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!Window.Contains(header.TimestampUnixMs, now))
        {
            return OpenStatus.OutOfWindow;
        }

        lock (_lock)
        {
            PruneIfDue(now);
            var key = new SessionKey(header.PanelId, header.Topic, header.Session);
            if (_sessions.TryGetValue(key, out var state) && header.Sequence <= state.Highest)
            {
                return OpenStatus.Replayed;
            }

            _sessions[key] = new SessionState(header.Sequence, now);
            return OpenStatus.Accepted;
        }
    }

    /// <summary>The highest sequence accepted in a session on a topic, if it is remembered.</summary>
    public ulong? HighestSeen(string panelId, TopicKind topic, SessionNonce session)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(new SessionKey(panelId, topic, session), out var state) ? state.Highest : null;
        }
    }

    private void PruneIfDue(DateTimeOffset now)
    {
        if (now - _lastPrune < s_pruneInterval)
        {
            return;
        }

        _lastPrune = now;
        var horizon = now - Window.Retention;
        foreach (var key in _sessions.Where(s => s.Value.LastAccepted < horizon).Select(s => s.Key).ToList())
        {
            _sessions.Remove(key);
        }
    }

    private readonly record struct SessionKey(string PanelId, TopicKind Topic, SessionNonce Session);

    private readonly record struct SessionState(ulong Highest, DateTimeOffset LastAccepted);
}
