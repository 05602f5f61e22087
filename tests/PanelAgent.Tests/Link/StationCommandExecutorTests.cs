using NSubstitute;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.Zones;
using PanelAgent.Link;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Link;

/// <summary>
/// Issue 3 §5 on the real runtime (sim-villa, SQLite, virtual clock): every command is answered with a logged
/// command.accepted or command.refused naming its id, and remote arming goes through the keypad's rules as user 0.
/// </summary>
public sealed class StationCommandExecutorTests : IDisposable
{
    private readonly SimulatedPanel _panel = new();

    public StationCommandExecutorTests() => _panel.Start();

    [Fact]
    public void Arm_AllClosed_StartsExitDelayAsUser0AndAnswersAccepted()
    {
        Execute(new CommandPayload("c-1", CommandNames.Arm, Mode: "away"));

        var exit = _panel.Events.Single(e => e.Kind == EventKinds.ExitStarted);
        Assert.Equal(0, exit.User);
        Assert.Equal(("command.accepted", "arm:c-1"), LastAnswer());
    }

    [Fact]
    public void Arm_DoorOpen_IsRefusedByTheEngineRulesAndSaysSo()
    {
        _panel.SetZone("front-door", ZoneCondition.Active);

        Execute(new CommandPayload("c-2", CommandNames.Arm, Mode: "home"));

        Assert.Contains(_panel.Events, e => e.Kind == EventKinds.ArmRefused);
        Assert.Equal(("command.refused", "arm:c-2:arm-refused"), LastAnswer());
    }

    [Theory]
    [InlineData(null, "arm:c-3:bad-mode")]
    [InlineData("night", "arm:c-3:bad-mode")]
    public void Arm_BadMode_Refused(string? mode, string detail)
    {
        Execute(new CommandPayload("c-3", CommandNames.Arm, Mode: mode));

        Assert.Equal(("command.refused", detail), LastAnswer());
    }

    [Fact]
    public void Disarm_WhileArmed_DisarmsAndAnswersAccepted()
    {
        Execute(new CommandPayload("c-4", CommandNames.Arm, Mode: "away"));
        Execute(new CommandPayload("c-5", CommandNames.Disarm));

        Assert.Equal(PanelAgent.Core.State.PanelPhase.Disarmed, _panel.Runtime!.Panel.State.Phase);
        Assert.Equal(("command.accepted", "disarm:c-5"), LastAnswer());
    }

    [Fact]
    public void Status_AnswersPhaseTroublesAndOutboxDepth()
    {
        Execute(new CommandPayload("c-6", CommandNames.Status));

        var (kind, detail) = LastAnswer();
        Assert.Equal("command.accepted", kind);
        Assert.Matches("^status:c-6:phase=disarmed;troubles=[^;]+;pending=[0-9]+$", detail);
    }

    [Theory]
    [InlineData(0L, 7)]
    [InlineData(5L, 0)]
    [InlineData(5L, 31)] // P6: at most 30 days
    public void Hold_OutsideP6_IsRefusedWithoutAskingTheImageStore(long alarm, int days)
    {
        var holds = Substitute.For<IImageHolds>();

        Execute(new CommandPayload("c-7", CommandNames.Hold, Alarm: alarm, Days: days), holds: holds);

        holds.DidNotReceiveWithAnyArgs().Hold(default, default);
        Assert.Equal(("command.refused", "hold:c-7:bad-hold"), LastAnswer());
    }

    [Fact]
    public void Hold_WithinP6_AsksTheImageStoreAndPassesItsAnswerOn()
    {
        var holds = Substitute.For<IImageHolds>();
        holds.Hold(12, 30).Returns((string?)null);
        holds.Hold(13, 30).Returns("no-images");

        Execute(new CommandPayload("c-8", CommandNames.Hold, Alarm: 12, Days: 30), holds: holds);
        var held = LastAnswer();
        Execute(new CommandPayload("c-9", CommandNames.Hold, Alarm: 13, Days: 30), holds: holds);

        Assert.Equal(("command.accepted", "hold:c-8"), held);
        Assert.Equal(("command.refused", "hold:c-9:no-images"), LastAnswer());
    }

    [Fact]
    public void Restrict_SetsTheRestrictionAndLogsTheAccess()
    {
        var privacy = Substitute.For<IPrivacySettings>();
        var access = Substitute.For<IAccessLog>();

        Execute(new CommandPayload("c-10", CommandNames.Restrict, On: true), privacy: privacy, access: access);

        privacy.Received(1).SetCaptureRestricted(true);
        access.Received(1).Append(Arg.Is<AccessEntry>(e =>
            e.Actor == "station" && e.Action == AccessActions.StationCommand && e.Subject == "restrict:c-10"));
        Assert.Equal(("command.accepted", "restrict:c-10"), LastAnswer());
    }

    [Fact]
    public void UnknownCommand_SuchAsAPictureRequest_IsRefusedAndItsNameNotEchoed()
    {
        Execute(new CommandPayload("c-11", "take-picture"));

        Assert.Equal(("command.refused", "?:c-11:unknown-command"), LastAnswer());
    }

    public void Dispose() => _panel.Dispose();

    private void Execute(CommandPayload command, IImageHolds? holds = null, IPrivacySettings? privacy = null,
        IAccessLog? access = null) =>
        new StationCommandExecutor(_panel.Runtime!, holds, privacy, access, _panel.Time).Execute(command);

    private (string Kind, string? Detail) LastAnswer()
    {
        var answer = _panel.Events.Last(e => e.Kind is EventKinds.CommandAccepted or EventKinds.CommandRefused);
        return (answer.Kind, answer.Detail);
    }
}
