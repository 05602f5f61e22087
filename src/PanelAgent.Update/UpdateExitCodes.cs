namespace PanelAgent.Update;

/// <summary>
/// Exit codes of <c>panel-agent update</c>: one per reason, so a pipeline (RAUC, Mender, the station) can tell
/// "retry later" from "never install this". Documented in docs/release.md.
/// </summary>
public static class UpdateExitCodes
{
    public const int Ok = 0;
    public const int Usage = 64;
    public const int Integrity = 65;
    public const int Install = 74;
    public const int PanelBusy = 75;
    public const int Untrusted = 80;
    public const int Version = 81;
    public const int Schema = 82;

    /// <summary>The new release failed its confirmation; the previous slot runs again.</summary>
    public const int RolledBack = 83;

    public static int For(UpdateRefusal refusal) => refusal switch
    {
        UpdateRefusal.Integrity => Integrity,
        UpdateRefusal.Untrusted => Untrusted,
        UpdateRefusal.Version => Version,
        UpdateRefusal.Schema => Schema,
        UpdateRefusal.PanelBusy => PanelBusy,
        _ => Install,
    };
}
