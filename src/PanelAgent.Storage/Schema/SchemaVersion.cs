namespace PanelAgent.Storage.Schema;

/// <summary>The <c>schema_info</c> row: (0, 0) for a file no migration has touched yet.</summary>
internal readonly record struct SchemaVersion(long Version, long MinReaderVersion);
