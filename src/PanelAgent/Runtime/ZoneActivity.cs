using System.Collections.Concurrent;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Zones;

namespace PanelAgent.Runtime;

/// <summary>
/// The technician's view of zone changes: when each zone last changed, and a live feed for the walk test. Fed after
/// the engine has handled the change; observers must be quick (a channel write) and their failures are swallowed, so
/// nothing here can delay or stop an alarm.
/// </summary>
public sealed class ZoneActivity(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    /// <summary>Raised on the input thread for every debounced change.</summary>
    public event Action<ZoneActivityChange>? Changed;

    /// <summary>When the zone last changed since the agent started, or null.</summary>
    public DateTimeOffset? LastChange(string zoneId) => _last.TryGetValue(zoneId, out var at) ? at : null;

    internal void Observe(Trigger trigger)
    {
        if (trigger is not ZoneChanged change)
        {
            return;
        }

        var at = time.GetUtcNow();
        _last[change.ZoneId] = at;
        try
        {
            Changed?.Invoke(new ZoneActivityChange(change.ZoneId, change.Current, at));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A diagnostics observer must never take the input loop down with it.
        }
    }
}

/// <summary>One debounced change of a zone's condition.</summary>
public sealed record ZoneActivityChange(string ZoneId, ZoneCondition Condition, DateTimeOffset At);
