using System.Globalization;
using System.Text.Json.Nodes;
using PanelAgent.Privacy;
using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Link;

/// <summary>
/// The station commands beyond issue 3's five, carried out for <see cref="StationCommandExecutor"/> once the command's
/// signature is verified: the household's P11 rights through <see cref="PrivacyRights"/> (which writes the access
/// log, <c>station.command</c> first), and issue 6's <c>update</c> request. Each returns null when accepted (with a
/// short detail for the answer event) or a machine-readable refusal. No detail carries a name, a number or a code.
/// </summary>
public sealed class StationRemoteActions(PrivacyRights? rights, PrivacyExportFiles? exports, UpdateRequests? updates)
{
    /// <summary>True when the command is one of these.</summary>
    public bool TryRun(CommandPayload command, Func<Core.State.PanelPhase> phase, out string? refusal, out string? detail)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(phase);
        (refusal, detail) = (null, null);
        switch (command.Command)
        {
            case CommandNames.PrivacyExport or CommandNames.PrivacyErase or CommandNames.PrivacyRestrict or CommandNames.PrivacyLift:
                refusal = Privacy(command, out detail);
                return true;
            case CommandNames.Update:
                refusal = updates is null ? "unsupported" : updates.Request(command.Id, command.Bundle, phase());
                detail = refusal is null ? "requested" : null;
                return true;
            default:
                return false;
        }
    }

    private string? Privacy(CommandPayload command, out string? detail)
    {
        detail = null;
        if (rights is null || !rights.TryHandleStationCommand(command.Command, out var result) || result is null)
        {
            return "unsupported";
        }

        detail = command.Command switch
        {
            CommandNames.PrivacyExport => Export(result, command.Id),
            CommandNames.PrivacyErase => Erased(result),
            _ => Invariant($"restricted={Flag(result["captureRestricted"])};persisted={Flag(result["persisted"])}"),
        };
        return null;
    }

    /// <summary>The document stays on the panel (see <see cref="PrivacyExportFiles"/>); the station learns where and its hash.</summary>
    private string Export(JsonObject document, string id)
    {
        if (exports is null)
        {
            return "kept=nowhere"; // unreachable in the host, which always has a state folder
        }

        var (name, sha256) = exports.Write(document, id);
        return Invariant($"file={name};sha256={sha256}");
    }

    private static string Erased(JsonObject result)
    {
        var erased = result["erased"]!; // the rights delete the earlier exports too
        return Invariant($"labels={erased["userLabels"]};arm={erased["armDisarmEntries"]};events={erased["events"]};exports={erased["exports"]};kept=alarm-history,access-log,code-hashes");
    }

    private static string Flag(JsonNode? node) => node?.GetValue<bool>() == true ? "true" : "false";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
