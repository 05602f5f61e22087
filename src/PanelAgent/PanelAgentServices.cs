using PanelAgent.Capture;
using PanelAgent.Diagnostics;
using PanelAgent.Link;
using PanelAgent.Options;
using PanelAgent.Runtime;
using PanelAgent.Services;
using PanelAgent.Simulation;

namespace PanelAgent;

/// <summary>Registers the panel's services: one call from Program.cs.</summary>
public static class PanelAgentServices
{
    public static IServiceCollection AddPanelAgent(this IServiceCollection services, PanelConfig config, AgentArguments args)
    {
        services.AddSingleton(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RuntimeHolder>();
        if (args.Simulate)
        {
            services.AddSingleton(sp => new SimulatedHardwareSource(
                config, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
            services.AddSingleton<IHardwareSource>(sp => sp.GetRequiredService<SimulatedHardwareSource>());
        }
        else
        {
            services.AddSingleton<IHardwareSource, BoardHardwareSource>();
        }

        services.AddHostedService<PanelService>();
        if (config.Link is { } link)
        {
            // After PanelService: hosted services start in order, and the link needs the started runtime.
            services.AddSingleton(link);
            services.AddSingleton<LinkDiagnostics>();
            services.AddSingleton<ILinkDiagnostics>(sp => sp.GetRequiredService<LinkDiagnostics>());
            services.AddHostedService<LinkService>();
            services.AddStationRemoteActions(config); // privacy and update commands (docs/remote-actions.md)
        }

        services.AddPanelDiagnostics(config, args);
        services.AddCapture(config, args.Simulate); // after PanelService, like the link: it needs the started runtime
        services.AddSingleton(sp => new PanelHealth(
            sp.GetRequiredService<RuntimeHolder>(), sp.GetRequiredService<TimeProvider>(), config.Hardware.RereadInterval));
        services.AddSingleton<IWatchdogNotifier, SystemdWatchdogNotifier>();
        services.AddSingleton<Func<TimeSpan?>>(() =>
            WatchdogSettings.PingInterval(Environment.GetEnvironmentVariable, Environment.ProcessId));
        services.AddHostedService<WatchdogService>();
        if (args is { Simulate: true, StormZone: { } zone })
        {
            services.AddHostedService(sp =>
                new StormService(sp.GetRequiredService<SimulatedHardwareSource>(), zone, args.StormInterval));
        }

        if (args is { Simulate: true, SimControlPath: { } control })
        {
            services.AddSimulationControl(control); // the fault campaign's injection point (docs/faults.md)
        }

        return services;
    }
}
