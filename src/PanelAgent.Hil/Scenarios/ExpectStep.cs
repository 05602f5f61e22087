namespace PanelAgent.Hil.Scenarios;

/// <summary>An event matching <see cref="Match"/> has happened since the last matched expect, or happens within <see cref="Within"/>.</summary>
public sealed record ExpectStep(EventMatch Match, IsoDuration? Within) : ScenarioStep
{
    public override string Kind => "expect";

    public override string Summary => Match.ToString();
}
