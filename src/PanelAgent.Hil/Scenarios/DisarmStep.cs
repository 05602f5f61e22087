namespace PanelAgent.Hil.Scenarios;

public sealed record DisarmStep(string Code) : ScenarioStep
{
    public override string Kind => "disarm";

    public override string Summary => "code=" + ScenarioText.CodeMask;
}
