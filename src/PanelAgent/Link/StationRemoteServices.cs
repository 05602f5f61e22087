using PanelAgent.Options;
using PanelAgent.Privacy;

namespace PanelAgent.Link;

/// <summary>Registers the station's privacy and update commands (docs/remote-actions.md): one call from the host.</summary>
public static class StationRemoteServices
{
    public static IServiceCollection AddStationRemoteActions(this IServiceCollection services, PanelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        // The state folder is the database's (StateDirectory=/var/lib/panelagent on a panel).
        var state = Path.GetDirectoryName(Path.GetFullPath(config.Storage.Path))!;
        services.AddSingleton(sp => new UpdateRequests(state, sp.GetRequiredService<TimeProvider>()));
        // One exports folder for the station's exports, the erasure that deletes them and the hourly pruning.
        services.AddSingleton(sp => new PrivacyExportFiles(Path.Combine(state, "exports"), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new StationRemoteActions(sp.GetService<PrivacyRights>(),
            sp.GetRequiredService<PrivacyExportFiles>(), sp.GetRequiredService<UpdateRequests>()));
        services.AddHostedService<UpdateResultService>();
        services.AddHostedService<ExportRetentionService>();
        return services;
    }
}
