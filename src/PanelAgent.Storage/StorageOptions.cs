namespace PanelAgent.Storage;

/// <summary>The <c>Storage</c> configuration section: where the event log lives and how long a writer may wait.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Microsoft.Data.Sqlite retries a locked database in whole seconds, so this is the floor.</summary>
    public static readonly TimeSpan MinBusyTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The alarm path must not hang on a lock: beyond this the panel runs from memory and raises trouble.</summary>
    public static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The SQLite file. Its directory is created when missing; -wal and -shm files live beside it.</summary>
    public string Path { get; set; } = "/var/lib/panelagent/panel.db";

    /// <summary>How long a write waits for a lock held by another connection before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Every problem with these options, each naming its field (<c>Storage:Path: ...</c>); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            errors.Add($"{SectionName}:{nameof(Path)}: must not be empty.");
        }
        else if (!System.IO.Path.IsPathFullyQualified(Path))
        {
            errors.Add($"{SectionName}:{nameof(Path)}: must be an absolute path, got '{Path}'.");
        }
        else if (Path.EndsWith('/') || Directory.Exists(Path))
        {
            errors.Add($"{SectionName}:{nameof(Path)}: must name a file, not a directory ('{Path}').");
        }

        if (BusyTimeout < MinBusyTimeout || BusyTimeout > MaxBusyTimeout)
        {
            errors.Add($"{SectionName}:{nameof(BusyTimeout)}: must be between {MinBusyTimeout} and {MaxBusyTimeout}, " +
                $"got {BusyTimeout}.");
        }

        return errors;
    }
}
