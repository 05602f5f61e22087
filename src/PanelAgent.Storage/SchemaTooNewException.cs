namespace PanelAgent.Storage;

/// <summary>
/// The database was written by a newer PanelAgent whose schema this build cannot safely use. The file is not corrupt,
/// so it is neither quarantined nor modified: install the newer release again or restore an older backup.
/// </summary>
public sealed class SchemaTooNewException : Exception
{
    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException(string message, Exception inner)
        : base(message, inner)
    {
    }

    internal SchemaTooNewException(string path, long fileVersion, long fileMinReaderVersion, int buildVersion)
        : base($"The database '{path}' has schema version {fileVersion} and needs a reader of schema version " +
            $"{fileMinReaderVersion} or later; this build understands up to version {buildVersion}. The file was " +
            "left untouched: run the newer PanelAgent release or restore an older backup.")
    {
        FileVersion = fileVersion;
        FileMinReaderVersion = fileMinReaderVersion;
        BuildVersion = buildVersion;
    }

    /// <summary>The schema version recorded in the file.</summary>
    public long FileVersion { get; }

    /// <summary>The oldest schema version a reader must understand to use the file.</summary>
    public long FileMinReaderVersion { get; }

    /// <summary>The newest schema version this build understands.</summary>
    public int BuildVersion { get; }
}
