using PanelAgent.Update.Confirm;
using PanelAgent.Update.Safety;

namespace PanelAgent.Update;

/// <summary>Everything the updater asks of the running system, each behind its interface so tests substitute it.</summary>
public sealed record ReleaseProbes(
    IPanelActivity Activity, IServiceControl Service, IHealthCheck Health, IStationAck? StationAck);
