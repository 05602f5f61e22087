using PanelAgent.Core.State;

namespace PanelAgent.Runtime;

/// <summary>The phase names of the scenario contract and the technician tool.</summary>
public static class StateNames
{
    public static string Of(PanelPhase phase) => phase switch
    {
        PanelPhase.Disarmed => "disarmed",
        PanelPhase.ExitDelay => "exit-delay",
        PanelPhase.ArmedAway => "armed-away",
        PanelPhase.ArmedHome => "armed-home",
        PanelPhase.EntryDelay => "entry-delay",
        _ => "alarm",
    };
}
