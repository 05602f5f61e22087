using PanelAgent.Hardware;
using PanelAgent.Options;

namespace PanelAgent.Runtime;

/// <summary>The real board: libgpiod (probed explicitly) and /dev/i2c-N for the expander.</summary>
public sealed class BoardHardwareSource(PanelConfig config, TimeProvider time, ILoggerFactory loggers) : IHardwareSource
{
    public PanelHardware Open() => PanelHardware.Open(config.Hardware, time, loggers);

    public void Dispose()
    {
    }
}
