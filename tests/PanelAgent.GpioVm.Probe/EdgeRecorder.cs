using PanelAgent.Core.Engine;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;

namespace PanelAgent.GpioVm.Probe;

/// <summary>
/// Sits between the real input adapter and the real <see cref="InputPump"/>: keeps a copy of every raw edge the
/// adapter posts (so a check can tell "the kernel delivered the pulse" from "debounce swallowed it") and of every
/// trigger the pump delivers after debounce.
/// </summary>
public sealed class EdgeRecorder : IInputSink
{
    private readonly Lock _gate = new();
    private readonly List<InputEdge> _edges = [];
    private readonly List<ZoneChanged> _changes = [];
    private IInputSink? _next;

    /// <summary>Where edges go after being recorded (the pump).</summary>
    public void Forward(IInputSink next) => _next = next;

    /// <inheritdoc />
    public void Post(InputEdge edge)
    {
        lock (_gate)
        {
            _edges.Add(edge);
        }

        _next?.Post(edge);
    }

    /// <summary>The pump's trigger callback.</summary>
    public void OnTrigger(Trigger trigger)
    {
        if (trigger is ZoneChanged change)
        {
            lock (_gate)
            {
                _changes.Add(change);
            }
        }
    }

    /// <summary>Raw edges of <paramref name="zone"/> so far.</summary>
    public IReadOnlyList<InputEdge> Edges(string zone)
    {
        lock (_gate)
        {
            return _edges.Where(e => e.ZoneId == zone).ToList();
        }
    }

    /// <summary>Debounced changes of <paramref name="zone"/> so far.</summary>
    public IReadOnlyList<ZoneChanged> Changes(string zone)
    {
        lock (_gate)
        {
            return _changes.Where(c => c.ZoneId == zone).ToList();
        }
    }
}
