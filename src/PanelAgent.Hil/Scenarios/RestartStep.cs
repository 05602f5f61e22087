namespace PanelAgent.Hil.Scenarios;

public sealed record RestartStep(bool Hard) : ScenarioStep
{
    public override string Kind => "restart";

    public override string Summary => Hard ? "hard" : "";
}
