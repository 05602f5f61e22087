using PanelAgent.Hardware;

namespace PanelAgent.Runtime;

/// <summary>Where the panel's hardware comes from: the real board, or the simulation.</summary>
public interface IHardwareSource : IDisposable
{
    PanelHardware Open();
}
