namespace PanelAgent.Core.Ports;

/// <summary>
/// The household's restriction of processing (P11): while restricted, no camera captures for this panel, whatever the
/// alarm. Set and lifted by <c>panelctl privacy restrict</c> or an authenticated station command; persisted, so a
/// reboot does not lift it.
/// </summary>
public interface IPrivacySettings
{
    bool CaptureRestricted { get; }

    void SetCaptureRestricted(bool restricted);
}
