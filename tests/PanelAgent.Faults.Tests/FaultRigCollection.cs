namespace PanelAgent.Faults.Tests;

/// <summary>Tests that start a whole rig (Mosquitto, panel-station, panel-agent) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FaultRigCollection
{
    public const string Name = "fault rigs";
}
