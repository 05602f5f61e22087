namespace PanelAgent.Faults;

/// <summary>Mosquitto SIGKILLed (no persistence, so every session and subscription is gone) and started again on its port.</summary>
internal sealed class BrokerRestartFault : StormFault
{
    public const string Title = "broker killed and restarted";

    public override string Name => Title;

    protected override Task BreakAsync(FaultRig rig, int cycle) => rig.Broker.KillAsync();

    protected override Task MendAsync(FaultRig rig, int cycle) => rig.Broker.RestartAsync();
}
