namespace PanelAgent.Update.Journal;

/// <summary>The one record of an update in progress (<c>update-journal.json</c> beside the slots).</summary>
public sealed record JournalEntry
{
    public required UpdateStep Step { get; init; }

    public required string FromSlot { get; init; }

    public required string ToSlot { get; init; }

    public required string FromVersion { get; init; }

    public required string ToVersion { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>Why a rollback started, for the report.</summary>
    public string? Reason { get; init; }
}
