using PanelAgent.Core.Ports;
using PanelAgent.Core.State;

namespace PanelAgent.Core.Engine;

/// <summary>
/// Outputs follow from the state alone (siren while <see cref="PanelState.SirenUntil"/> is set, relays from the
/// arming), so a reboot restores them without replaying anything. Only changes are written.
/// </summary>
internal sealed class OutputDriver(IPanelOutputs outputs)
{
    private readonly Dictionary<OutputKind, bool> _applied = [];

    /// <summary>Sets outputs that differ from what was last applied; returns those the hardware refused.</summary>
    public List<(OutputKind Output, bool On)> Apply(PanelState state)
    {
        var failed = new List<(OutputKind, bool)>();
        Set(OutputKind.Siren, state.SirenUntil is not null, failed);
        Set(OutputKind.DoorLock, state.DoorLocked, failed);
        Set(OutputKind.SmartPlug, !state.PlugCut, failed);
        return failed;
    }

    private void Set(OutputKind output, bool on, List<(OutputKind, bool)> failed)
    {
        if (_applied.TryGetValue(output, out var current) && current == on)
        {
            return;
        }

        if (outputs.TrySet(output, on))
        {
            _applied[output] = on;
        }
        else
        {
            failed.Add((output, on));
        }
    }
}
