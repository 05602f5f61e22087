namespace PanelAgent.Simulation;

/// <summary>Registers the simulation control and its clock (<c>--sim-control PATH</c>; simulation only).</summary>
public static class SimulationControlServices
{
    /// <summary>
    /// Replaces the host's TimeProvider with a <see cref="SimulatedClock"/> over the system clock (the last registration
    /// wins), so that <c>clock jump</c> and <c>clock rate</c> move every wall-clock reading of the panel.
    /// </summary>
    public static IServiceCollection AddSimulationControl(this IServiceCollection services, string socketPath)
    {
        services.AddSingleton(new SimulatedClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SimulatedClock>());
        services.AddSingleton(sp => new SimulationCommands(
            sp.GetRequiredService<SimulatedHardwareSource>(), sp.GetRequiredService<SimulatedClock>()));
        services.AddHostedService(sp => new SimulationControlService(
            sp.GetRequiredService<SimulationCommands>(), socketPath, sp.GetRequiredService<ILogger<SimulationControlService>>()));
        return services;
    }
}
