using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;

namespace PanelAgent.Bench;

/// <summary>Posts to the pump and wakes a waiting thread: never blocks, as an input sink must not.</summary>
internal sealed class SignallingSink(IInputSink pump, ManualResetEventSlim signal) : IInputSink
{
    public void Post(InputEdge edge)
    {
        pump.Post(edge);
        signal.Set();
    }
}
