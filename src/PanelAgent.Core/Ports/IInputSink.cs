using PanelAgent.Core.Inputs;

namespace PanelAgent.Core.Ports;

/// <summary>
/// Where input callbacks put their edges. Implementations never block and never throw:
/// GPIO callbacks run on the driver's event thread, and an exception there stops every line (dotnet/iot#1210).
/// </summary>
public interface IInputSink
{
    /// <summary>Queues one edge; on overflow the sink records the loss itself and returns.</summary>
    void Post(InputEdge edge);
}
