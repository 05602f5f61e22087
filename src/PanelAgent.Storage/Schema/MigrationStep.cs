namespace PanelAgent.Storage.Schema;

/// <summary>One ordered schema change, applied in its own transaction.</summary>
/// <param name="Version">The schema version the file has after this step.</param>
/// <param name="MinReaderVersion">
/// The oldest schema version a build must understand to use the file after this step. An additive step (new table,
/// new nullable column) keeps the previous value, so the previous release still runs on the newer file; only a
/// breaking step would raise it.
/// </param>
/// <param name="Sql">The statements. Additive only: CREATE TABLE/INDEX, ALTER TABLE ... ADD COLUMN.</param>
internal sealed record MigrationStep(int Version, int MinReaderVersion, string Sql);
