using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil;

/// <summary>Where <c>panel-hil</c> gets its targets; the HIL issue adds the rig target beside the simulation.</summary>
public static class TargetFactories
{
    public static IScenarioTargetFactory Simulation(HilArguments arguments) =>
        new SimulationTargetFactory(arguments.KeepData is { } keep ? Path.GetFullPath(keep) : null, arguments.Start);
}
