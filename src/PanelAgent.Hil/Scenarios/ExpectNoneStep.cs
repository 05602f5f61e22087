namespace PanelAgent.Hil.Scenarios;

/// <summary>No event matching <see cref="Match"/> since the last matched expect, nor during <see cref="For"/>.</summary>
public sealed record ExpectNoneStep(EventMatch Match, IsoDuration For) : ScenarioStep
{
    public override string Kind => "expectNone";

    public override string Summary => Match + " for " + For.Text;
}
