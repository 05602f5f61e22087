using Microsoft.Extensions.Logging;
using PanelAgent.Core.Events;

namespace PanelAgent.Core.Engine;

/// <summary>
/// Events decided while storage was failing, held in memory until a commit succeeds. Bounded: when full, the oldest
/// non-alarm events go first; alarms are never dropped.
/// </summary>
internal sealed class UnsavedEvents
{
    public const int Capacity = 10_000;
    private readonly List<PanelEvent> _held = [];

    public int Count => _held.Count;

    /// <summary>Held events followed by <paramref name="fresh"/>, for one commit; the holder is emptied.</summary>
    public List<PanelEvent> Take(List<PanelEvent> fresh)
    {
        if (_held.Count == 0)
        {
            return fresh;
        }

        var batch = new List<PanelEvent>(_held.Count + fresh.Count);
        batch.AddRange(_held);
        batch.AddRange(fresh);
        _held.Clear();
        return batch;
    }

    public void Hold(IEnumerable<PanelEvent> events, ILogger logger)
    {
        _held.AddRange(events);
        var excess = _held.Count - Capacity;
        if (excess <= 0)
        {
            return;
        }

        var dropped = 0;
        for (var i = 0; i < _held.Count && dropped < excess;)
        {
            if (_held[i].Priority != EventPriority.Alarm)
            {
                _held.RemoveAt(i);
                dropped++;
            }
            else
            {
                i++;
            }
        }

        PanelLog.BufferDropped(logger, dropped);
    }
}
