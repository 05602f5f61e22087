namespace PanelAgent.Hardware.Options;

/// <summary>The output lines; an output left out is not fitted, and setting it fails.</summary>
public sealed class OutputsOptions
{
    /// <summary>The sounder.</summary>
    public OutputLineOptions? Siren { get; set; }

    /// <summary>The door lock relay (energised = locked).</summary>
    public OutputLineOptions? DoorLock { get; set; }

    /// <summary>The smart plug relay (energised = power on).</summary>
    public OutputLineOptions? SmartPlug { get; set; }
}
