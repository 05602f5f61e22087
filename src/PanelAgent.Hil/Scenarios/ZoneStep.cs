using PanelAgent.Core.Zones;

namespace PanelAgent.Hil.Scenarios;

public sealed record ZoneStep(string ZoneId, ZoneCondition Condition) : ScenarioStep
{
    public override string Kind => "zone";

    public override string Summary => ZoneId + " " + ScenarioText.ConditionName(Condition);
}
