using Microsoft.Extensions.Hosting.Systemd;

namespace PanelAgent.Services;

/// <summary>sd_notify through the hosting package's notifier (it does nothing when NOTIFY_SOCKET is unset).</summary>
public sealed class SystemdWatchdogNotifier : IWatchdogNotifier
{
    private readonly SystemdNotifier _notifier = new();

    public void Notify(string state) => _notifier.Notify(new ServiceState(state));
}
