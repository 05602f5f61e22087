namespace PanelAgent.Services;

/// <summary>Sends sd_notify messages; the systemd implementation writes to NOTIFY_SOCKET.</summary>
public interface IWatchdogNotifier
{
    void Notify(string state);
}
