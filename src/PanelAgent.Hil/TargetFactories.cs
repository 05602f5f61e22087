using PanelAgent.Hil.Rig;
using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil;

/// <summary>Where <c>panel-hil</c> gets its targets: the simulation, or a real panel on the rig (<c>--target rig</c>).</summary>
public static class TargetFactories
{
    public static IScenarioTargetFactory Simulation(HilArguments arguments) =>
        new SimulationTargetFactory(arguments.KeepData is { } keep ? Path.GetFullPath(keep) : null, arguments.Start);

    /// <summary>The target the arguments ask for.</summary>
    /// <exception cref="RigMapException">The rig map cannot be used.</exception>
    public static IScenarioTargetFactory Select(HilArguments arguments) => arguments.Target == "rig"
        ? new RigTargetFactory(RigMapLoader.Load(arguments.RigMap!), diagnostics: Console.Error)
        : Simulation(arguments);
}
