namespace PanelAgent.Hil.Scenarios;

public sealed record AdvanceStep(IsoDuration By) : ScenarioStep
{
    public override string Kind => "advance";

    public override string Summary => By.Text;
}
