using System.Text.Json.Nodes;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Diagnostics;
using PanelAgent.Options;
using PanelAgent.Runtime;
using PanelAgent.Storage;

namespace PanelAgent.Privacy;

/// <summary>
/// The household's rights of P11 on the panel: export (access, portability), erase, restrict and lift. Called by
/// panelctl and, through the authenticated station commands, by the station; the <c>actor</c> argument names who
/// asked (<c>technician:&lt;uid&gt;</c>, <c>station</c>) and every call is written to the access log.
/// </summary>
public sealed class PrivacyRights(
    RuntimeHolder holder, RuntimePrivacy privacy, PanelConfig config, TimeProvider time, PrivacyExportFiles? exports = null)
{
    public const string ExportFormat = "panelagent-privacy-export/1";

    /// <summary>
    /// Every piece of personal data the panel holds, as one JSON document: users with their labels (in full: this is
    /// the data subject's copy), the arm/disarm log, the alarm history and the access log. Never a code or its hash.
    /// </summary>
    public JsonObject Export(string actor)
    {
        var store = RequireStore();
        var users = holder.Runtime!.Keypad.Users;
        var armLog = store.ReadArmLog();
        var history = store.ReadAlarmHistory();
        var access = store.ReadAccessLog();
        var images = Images();
        var document = new JsonObject
        {
            ["format"] = ExportFormat,
            ["panel"] = config.Panel.Id,
            ["exportedAt"] = Json.Instant(time.GetUtcNow()),
            ["users"] = Json.Array(users.Select(u => (JsonNode)new JsonObject
            {
                ["number"] = u.Number, ["label"] = u.Label, ["duress"] = u.IsDuress, ["hasCode"] = true,
            })),
            ["armDisarmLog"] = Json.Array(armLog.Select(Json.Event)),
            ["alarmHistory"] = Json.Array(history.Select(Json.Event)),
            ["accessLog"] = Json.Array(access.Select(Json.Access)),
            ["captureRestricted"] = privacy.CaptureRestricted,
            ["images"] = images,
        };
        privacy.Append(new AccessEntry(time.GetUtcNow(), actor, AccessActions.PrivacyExported, null,
            $"users={users.Count} arm={armLog.Count} history={history.Count} access={access.Count} images={images.Count}"));
        return document;
    }

    /// <summary>Erases what may be erased and reports what was kept, and why.</summary>
    public JsonObject Erase(string actor)
    {
        var store = RequireStore();
        var erased = store.ErasePersonalData();
        var keypad = holder.Runtime!.Keypad;
        keypad.Load(keypad.Users.Select(u => u with { Label = null }));
        var exportsDeleted = exports?.DeleteAll() ?? 0; // earlier exports are personal data too, whoever asks to erase
        privacy.Append(new AccessEntry(time.GetUtcNow(), actor, AccessActions.PrivacyErased, null,
            $"labels={erased.LabelsErased} arm={erased.ArmLogEntriesErased} events={erased.EventsErased} exports={exportsDeleted}"));
        return new JsonObject
        {
            ["erased"] = new JsonObject
            {
                ["userLabels"] = erased.LabelsErased,
                ["armDisarmEntries"] = erased.ArmLogEntriesErased,
                ["events"] = erased.EventsErased,
                ["exports"] = exportsDeleted,
            },
            ["kept"] = new JsonArray(
                Kept("alarm history", "required by law: alarm history and event logs are kept 5 years (P8)"),
                Kept("access log", "accountability for every access to personal data (P12, P13); user numbers only, 12 months"),
                Kept($"code hashes of {keypad.Count} user(s)", "the household needs them to disarm; remove a user with 'panelctl users remove'")),
        };
    }

    /// <summary>Stops (or lets again) image capture for this panel until lifted; persisted across reboots.</summary>
    public JsonObject SetRestricted(string actor, bool restricted)
    {
        var persisted = true;
        try
        {
            privacy.SetCaptureRestricted(restricted);
        }
        catch (StorageUnavailableException)
        {
            persisted = false;
        }

        privacy.Append(new AccessEntry(time.GetUtcNow(), actor,
            restricted ? AccessActions.PrivacyRestricted : AccessActions.PrivacyRestrictionLifted, null,
            persisted ? null : "not persisted"));
        return new JsonObject { ["captureRestricted"] = privacy.CaptureRestricted, ["persisted"] = persisted };
    }

    /// <summary>
    /// For the link's command receiver, after it has verified the station's signature: runs a privacy command by its
    /// name (<c>privacy.export</c>, <c>privacy.erase</c>, <c>privacy.restrict</c>, <c>privacy.lift</c>) as the
    /// station, logging <c>station.command</c> first. False for any other name.
    /// </summary>
    public bool TryHandleStationCommand(string command, out JsonObject? result)
    {
        Func<JsonObject>? action = command switch
        {
            "privacy.export" => () => Export(StationActor),
            "privacy.erase" => () => Erase(StationActor),
            "privacy.restrict" => () => SetRestricted(StationActor, restricted: true),
            "privacy.lift" => () => SetRestricted(StationActor, restricted: false),
            _ => null,
        };
        result = null;
        if (action is null)
        {
            return false;
        }

        result = action(); // the command itself, with its id and outcome, is logged by the station command executor
        return true;
    }

    private const string StationActor = "station";

    /// <summary>What is known about each image the panel holds (issue 4); never its key, file or pixels.</summary>
    private JsonArray Images() => holder.Capture is not { } capture
        ? []
        : Json.Array(capture.Images.All().Select(i => (JsonNode)new JsonObject
        {
            ["alarm"] = i.Record.AlarmSeq,
            ["zone"] = i.Record.Zone,
            ["camera"] = i.Record.Camera,
            ["frame"] = i.Record.Frame,
            ["reason"] = i.Record.Reason.ToString(),
            ["withheld"] = i.Record.Withheld,
            ["capturedAt"] = Json.Instant(i.Record.CapturedAt),
            ["size"] = $"{i.Record.Width}x{i.Record.Height}",
            ["bytes"] = i.Bytes,
            ["expiresAt"] = Json.Instant(i.ExpiresAt),
            ["policeHold"] = i.OnHold,
            ["sentAt"] = Json.Instant(i.SentAt),
        }));

    private static JsonObject Kept(string what, string why) => new() { ["what"] = what, ["why"] = why };

    private SqliteEventStore RequireStore() => privacy.Store
        ?? throw new DiagnosticsException(DiagnosticsErrorKinds.Unavailable, "the panel's database is not available");
}
