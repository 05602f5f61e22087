namespace PanelAgent.Storage;

/// <summary>The <c>Storage</c> configuration section: where the event log lives and how long a writer may wait.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Microsoft.Data.Sqlite retries a locked database in whole seconds, so this is the floor.</summary>
    public static readonly TimeSpan MinBusyTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The alarm path must not hang on a lock: beyond this the panel runs from memory and raises trouble.</summary>
    public static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The smallest accepted <see cref="OutboxCapacity"/>: below it an ordinary outage would start dropping.</summary>
    public const int MinOutboxCapacity = 1_000;

    /// <summary>The largest accepted <see cref="OutboxCapacity"/>: bounds the file and the drain after an outage.</summary>
    public const int MaxOutboxCapacity = 5_000_000;

    /// <summary>The SQLite file. Its directory is created when missing; -wal and -shm files live beside it.</summary>
    public string Path { get; set; } = "/var/lib/panelagent/panel.db";

    /// <summary>How long a write waits for a lock held by another connection before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Pending (unacknowledged) events kept for the station before non-alarm ones are dropped (the least important
    /// class first, oldest first within it). Alarms are never dropped, so alarms alone may exceed it. See docs/outbox.md.
    /// </summary>
    public int OutboxCapacity { get; set; } = 50_000;

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

        if (OutboxCapacity is < MinOutboxCapacity or > MaxOutboxCapacity)
        {
            errors.Add($"{SectionName}:{nameof(OutboxCapacity)}: must be between {MinOutboxCapacity} and " +
                $"{MaxOutboxCapacity}, got {OutboxCapacity}.");
        }

        return errors;
    }
}
