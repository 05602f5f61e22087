using PanelAgent.Hardware;
using PanelAgent.Hardware.Simulation;
using PanelAgent.Options;
using PanelAgent.Runtime;

namespace PanelAgent.Simulation;

/// <summary>
/// The simulated board: a simulated GpioDriver and MCP23017 under the real adapters, so --simulate runs the same
/// adapter code as the panel.
/// </summary>
public sealed class SimulatedHardwareSource(PanelConfig config, TimeProvider time, ILoggerFactory loggers) : IHardwareSource
{
    public SimulatedPanelHardware Board { get; } = new(config.Hardware);

    public PanelHardware Open() => Board.CreateHardware(time, loggers);

    public void Dispose() => Board.Dispose();
}
