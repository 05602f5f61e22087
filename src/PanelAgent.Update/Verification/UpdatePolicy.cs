using PanelAgent.Update.Manifest;

namespace PanelAgent.Update.Verification;

/// <summary>Whether a verified release may replace the installed one on this database.</summary>
public static class UpdatePolicy
{
    /// <exception cref="UpdateRefusedException">With the reason, before anything changed.</exception>
    public static void Check(ReleaseManifest candidate, ReleaseManifest installed, DatabaseSchema? database)
    {
        ReleaseVersion.TryParse(candidate.Version, out var next);
        ReleaseVersion.TryParse(candidate.MinUpdateFrom, out var minimum);
        if (!ReleaseVersion.TryParse(installed.Version, out var current))
        {
            throw new UpdateRefusedException(UpdateRefusal.Install, $"installed slot: unreadable version '{installed.Version}'");
        }

        if (current < minimum)
        {
            throw new UpdateRefusedException(UpdateRefusal.Version,
                $"version: {next} may replace {minimum} or later; installed is {current} (install an intermediate release)");
        }

        if (next == current)
        {
            throw new UpdateRefusedException(UpdateRefusal.Version, $"version: {next} is already installed");
        }

        if (next < current && !candidate.Rollback)
        {
            throw new UpdateRefusedException(UpdateRefusal.Version,
                $"version: {next} is older than installed {current} and not signed as a rollback release");
        }

        if (database is { } db && db.MinReaderVersion > candidate.SchemaVersion)
        {
            throw new UpdateRefusedException(UpdateRefusal.Schema,
                $"schema: the database needs a reader of schema {db.MinReaderVersion}; {next} understands {candidate.SchemaVersion}");
        }
    }
}
