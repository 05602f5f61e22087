using PanelAgent.Core.Inputs;

namespace PanelAgent.Core.Ports;

/// <summary>The panel's detector and tamper inputs, whatever they are wired to (SoC GPIO, I2C expander...).</summary>
public interface IZoneInputs : IDisposable
{
    /// <summary>A short description of what drives the inputs, for the log ("libgpiod v1 on gpiochip0; MCP23017 at 0x20").</summary>
    string Description { get; }

    /// <summary>Claims every input line and starts delivering edges to <paramref name="sink"/>.</summary>
    void Open(IInputSink sink);

    /// <summary>Reads every input now. Never throws: an unreadable line is returned with <c>Faulted</c> set.</summary>
    IReadOnlyList<InputSample> ReadAll();
}
