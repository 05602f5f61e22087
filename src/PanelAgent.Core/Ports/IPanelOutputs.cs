namespace PanelAgent.Core.Ports;

/// <summary>Drives the panel's outputs. Implementations never throw: a failed write returns false.</summary>
public interface IPanelOutputs
{
    /// <summary>Sets one output; returns false when the hardware refused (the caller raises trouble).</summary>
    bool TrySet(OutputKind output, bool on);
}
