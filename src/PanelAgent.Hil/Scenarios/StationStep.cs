namespace PanelAgent.Hil.Scenarios;

/// <summary>
/// A station command (issue 4): <c>{ "station": "picture", "from": "hall-cam" }</c> asks for a picture (refused
/// unless an alarm is open, P5); <c>{ "station": "hold", "for": "P30D" }</c> puts the newest alarm's images on police
/// hold (clamped to 30 days from capture, P6).
/// </summary>
public sealed record StationStep(string Command, string? Camera, IsoDuration? For) : ScenarioStep
{
    public override string Kind => "station";

    public override string Summary => Command + (Camera is null ? "" : " " + Camera) + (For is null ? "" : " for " + For.Text);
}
