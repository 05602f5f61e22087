using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil;

/// <summary>
/// Where <c>panel-hil</c> gets its targets. Kept alone in this file because the lead replaces it when the
/// simulation target (in the host) is wired; the HIL issue adds the rig target beside it.
/// </summary>
public static class TargetFactories
{
    public static IScenarioTargetFactory Simulation() =>
        throw new NotSupportedException("simulation target not wired yet");
}
