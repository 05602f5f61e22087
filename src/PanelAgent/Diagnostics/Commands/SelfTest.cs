using System.Text.Json.Nodes;
using PanelAgent.Options;
using PanelAgent.Storage;

namespace PanelAgent.Diagnostics.Commands;

/// <summary>
/// <c>selftest</c>, the OTA pipeline's health check: healthy only when inputs, storage, migrations, options and the
/// link (when configured) all are. Each check says why it failed, without personal data.
/// </summary>
internal static class SelfTest
{
    public static JsonObject Run(DiagnosticsContext context)
    {
        var runtime = context.Runtime;
        var state = runtime.Panel.State;
        var checks = new JsonArray
        {
            Check("inputs", !StatusCommands.HasTrouble(state, "detector"),
                StatusCommands.HasTrouble(state, "detector") ? "an input cannot be read (trouble.detector)" : $"{runtime.Pump.Conditions.Count} zones read"),
            Storage(runtime.Store, runtime.Panel.UnsavedCount, state),
            Migrations(runtime.Store),
            Options(context),
            Link(context.Link),
        };
        var healthy = checks.All(c => c!["ok"]!.GetValue<bool>());
        return new JsonObject { ["healthy"] = healthy, ["checks"] = checks };
    }

    private static JsonObject Storage(Core.Ports.IPanelStore store, int unsaved, Core.State.PanelState state)
    {
        if (store is not SqliteEventStore)
        {
            return Check("storage", false, "the database could not be opened; events are held in memory");
        }

        var trouble = StatusCommands.HasTrouble(state, "storage");
        return Check("storage", unsaved == 0 && !trouble,
            unsaved > 0 ? $"{unsaved} event(s) not yet written" : trouble ? "trouble.storage is raised" : "writable");
    }

    private static JsonObject Migrations(Core.Ports.IPanelStore store)
    {
        if (store is not SqliteEventStore sqlite)
        {
            return Check("migrations", false, "no database");
        }

        try
        {
            var version = sqlite.SchemaVersion;
            return Check("migrations", version >= SqliteEventStore.BuildSchemaVersion,
                $"schema {version}, this build {SqliteEventStore.BuildSchemaVersion}");
        }
        catch (Core.Ports.StorageUnavailableException ex)
        {
            return Check("migrations", false, ex.Message);
        }
    }

    /// <summary>The file the next start will read must still be valid, not only the one this process read.</summary>
    private static JsonObject Options(DiagnosticsContext context)
    {
        if (context.ConfigPath is not { } path)
        {
            return Check("options", true, "validated at start");
        }

        try
        {
            ConfigLoader.Load(path, context.ConfigOverrides);
            return Check("options", true, "the configuration file is valid");
        }
        catch (ConfigException ex)
        {
            return Check("options", false, $"{ex.Errors.Count} error(s), first: {ex.Errors[0]}");
        }
    }

    private static JsonObject Link(ILinkDiagnostics? link) => link switch
    {
        null => Check("link", true, "not configured"),
        { Status.Connected: true } => Check("link", true, $"connected to {link.Status.Endpoint}"),
        _ => Check("link", false, "not connected to a broker"),
    };

    private static JsonObject Check(string name, bool ok, string detail) =>
        new() { ["check"] = name, ["ok"] = ok, ["detail"] = detail };
}
