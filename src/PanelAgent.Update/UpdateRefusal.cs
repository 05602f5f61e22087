namespace PanelAgent.Update;

/// <summary>Why an update was refused or failed; each maps to its own exit code (<see cref="UpdateExitCodes"/>).</summary>
public enum UpdateRefusal
{
    /// <summary>The bundle or a file it lists is missing, malformed, altered or unlisted.</summary>
    Integrity,

    /// <summary>No trusted key made the signature (or the key directory is unusable).</summary>
    Untrusted,

    /// <summary>An older version without a rollback signature, or the installed version is below minUpdateFrom.</summary>
    Version,

    /// <summary>The release cannot run on the panel's database.</summary>
    Schema,

    /// <summary>Armed, in alarm or transmitting an alarm: retry later.</summary>
    PanelBusy,

    /// <summary>The slots are not as expected (no current slot, unreadable root): nothing was changed.</summary>
    Install,
}
