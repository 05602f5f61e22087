namespace PanelAgent.Storage;

/// <summary>What <see cref="SqliteEventStore.ErasePersonalData"/> removed.</summary>
public sealed record ErasureResult(int LabelsErased, int ArmLogEntriesErased, int EventsErased);
