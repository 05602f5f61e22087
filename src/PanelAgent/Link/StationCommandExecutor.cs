using System.Globalization;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.State;
using PanelAgent.Core.Users;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Runtime;
using PanelAgent.Transport.Commands;

namespace PanelAgent.Link;

/// <summary>
/// Carries out the station's commands on the running panel (issue 3 §5) and answers every one with a durable
/// <c>command.accepted</c> / <c>command.refused</c> event, which the outbox sends like any other. Remote arming and
/// disarming go through the same engine rules as the keypad, as user 0 (the station). No command takes a picture:
/// there is none (P5). Optional parts (image holds, the privacy restriction, the access log) are refused when the
/// panel has none.
/// </summary>
public sealed class StationCommandExecutor(
    PanelRuntime runtime, IImageHolds? holds = null, IPrivacySettings? privacy = null, IAccessLog? access = null,
    TimeProvider? time = null, StationRemoteActions? remote = null) : IStationCommands
{
    private const int MaxHoldDays = 30; // P6

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public void Execute(CommandPayload command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string? refusal;
        string? detail = null;
        try
        {
            refusal = remote is not null && remote.TryRun(command, () => runtime.Panel.State.Phase, out var remoteRefusal, out detail)
                ? remoteRefusal
                : Run(command, out detail);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            refusal = "failed:" + ex.GetType().Name; // the answer must go out whatever happened
        }

        // Every command, privacy ones included, with its id and how it ended (a failed export too).
        access?.Append(new AccessEntry(_time.GetUtcNow(), "station", AccessActions.StationCommand,
            Name(command.Command) + ":" + command.Id, refusal ?? "accepted"));

        var answer = $"{Name(command.Command)}:{command.Id}" + (refusal ?? detail) switch
        {
            null => "",
            var why => ":" + why,
        };
        runtime.Panel.Handle(new StationCommandAnswered(refusal is null, answer));
    }

    private string? Run(CommandPayload command, out string? detail)
    {
        detail = null;
        return command.Command switch
        {
            CommandNames.Arm => Arm(command.Mode),
            CommandNames.Disarm => Disarm(),
            CommandNames.Hold => Hold(command.Alarm, command.Days),
            CommandNames.Status => Status(out detail),
            CommandNames.Restrict => Restrict(command.On),
            _ when CommandNames.All.Contains(command.Command) => "unsupported", // known, but not on this panel
            _ => "unknown-command",
        };
    }

    private string? Arm(string? mode)
    {
        ArmMode? arm = mode switch { "away" => ArmMode.Away, "home" => ArmMode.Home, _ => null };
        if (arm is null)
        {
            return "bad-mode";
        }

        if (runtime.Panel.State.Phase != PanelPhase.Disarmed)
        {
            return "not-disarmed";
        }

        runtime.Panel.Handle(new ArmRequested(UserNumbers.Station, arm.Value, []));
        // Refused by the engine's rules (an open zone, a tamper, the keypad locked): arm.refused says which.
        return runtime.Panel.State.Phase == PanelPhase.Disarmed ? "arm-refused" : null;
    }

    private string? Disarm()
    {
        if (runtime.Panel.State.Phase == PanelPhase.Disarmed)
        {
            return "already-disarmed";
        }

        runtime.Panel.Handle(new DisarmRequested(UserNumbers.Station, Duress: false));
        return runtime.Panel.State.Phase == PanelPhase.Disarmed ? null : "disarm-refused";
    }

    private string? Hold(long? alarm, int? days)
    {
        if (alarm is not > 0 || days is not (>= 1 and <= MaxHoldDays))
        {
            return "bad-hold"; // P6: one alarm, at most 30 days
        }

        return holds is null ? "no-images" : holds.Hold(alarm.Value, days.Value);
    }

    private string? Status(out string detail)
    {
        var state = runtime.Panel.State;
        var troubles = state.OpenTroubles.Count == 0 ? "none" : string.Join(',', state.OpenTroubles);
        var pending = runtime.Store is IOutbox outbox ? TryPending(outbox) : "unknown";
        detail = string.Create(CultureInfo.InvariantCulture,
            $"phase={StateNames.Of(state.Phase)};troubles={troubles};pending={pending}");
        return null;
    }

    private string? Restrict(bool? on)
    {
        if (on is null)
        {
            return "bad-restrict";
        }

        if (privacy is null)
        {
            return "unsupported";
        }

        privacy.SetCaptureRestricted(on.Value);
        return null;
    }

    private static string TryPending(IOutbox outbox)
    {
        try
        {
            return outbox.PendingCount.ToString(CultureInfo.InvariantCulture);
        }
        catch (StorageUnavailableException)
        {
            return "unknown";
        }
    }

    /// <summary>The command's name as logged: known names as they are, anything else as "?" (it came off the wire).</summary>
    private static string Name(string command) => CommandNames.All.Contains(command) ? command : "?";
}
