using PanelAgent.Core.Ports;
using PanelAgent.Options;
using PanelAgent.Privacy;
using PanelAgent.Runtime;

namespace PanelAgent.Diagnostics;

/// <summary>Registers panelctl's side of the agent: the access log and privacy ports, the log ring and the socket.</summary>
public static class DiagnosticsServices
{
    /// <summary>Call after PanelService is registered: hosted services start in order, and this one needs the panel.</summary>
    public static IServiceCollection AddPanelDiagnostics(this IServiceCollection services, PanelConfig config, AgentArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        services.AddSingleton(sp => new RingLoggerProvider(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<RingLoggerProvider>());
        services.AddSingleton<RuntimePrivacy>();
        services.AddSingleton<IAccessLog>(sp => sp.GetRequiredService<RuntimePrivacy>());
        services.AddSingleton<IPrivacySettings>(sp => sp.GetRequiredService<RuntimePrivacy>());
        services.AddSingleton<PrivacyRights>();
        services.AddSingleton(sp => AgentInfo.Current(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DiagnosticsContext(
            sp.GetRequiredService<RuntimeHolder>(), config, sp.GetRequiredService<RuntimePrivacy>(),
            sp.GetRequiredService<PrivacyRights>(), sp.GetRequiredService<RingLoggerProvider>(),
            sp.GetRequiredService<AgentInfo>(), sp.GetRequiredService<TimeProvider>())
        {
            // Optional: registered by the link and camera work when those are configured.
            Link = sp.GetService<ILinkDiagnostics>(),
            Cameras = sp.GetService<ICameraDiagnostics>(),
            ConfigPath = args.ConfigPath,
            ConfigOverrides = args.ConfigOverrides(),
        });
        services.AddSingleton<DiagnosticsCommands>();
        services.AddHostedService<DiagnosticsService>();
        return services;
    }
}
