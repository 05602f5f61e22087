namespace PanelAgent.Hardware.Simulation.Camera;

/// <summary>What the simulated camera does on its next captures.</summary>
public enum SimulatedCameraMode
{
    /// <summary>Renders the scene.</summary>
    Normal,
    /// <summary>A hand over the lens: an almost black, uniform frame.</summary>
    Covered,
    /// <summary>A truncated buffer, as a broken cable or driver delivers.</summary>
    Corrupt,
    /// <summary>A frame claiming a huge size.</summary>
    Oversized,
    /// <summary>The device fails (unplugged).</summary>
    Failing,
}
