namespace PanelAgent.Faults;

/// <summary>
/// panel-station SIGKILLed mid-storm, holding events it received and had not acknowledged (and acks it had not
/// published), then started again with the same database. Events published while no station is subscribed go to
/// no one and come back only with the panel's resend after its ack timeout.
/// </summary>
internal sealed class StationKillFault : StormFault
{
    public const string Title = "station killed holding unacked events";

    public override string Name => Title;

    protected override Task BreakAsync(FaultRig rig, int cycle) => rig.KillStationAsync();

    protected override Task MendAsync(FaultRig rig, int cycle) => rig.StartStationAsync();
}
