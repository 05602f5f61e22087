namespace PanelAgent.Hil.Scenarios;

/// <summary>Simulation only: <c>{ "camera": "hall-cam", "mode": "covered" }</c> (normal, covered, corrupt, oversized,
/// failing) sets what the synthetic camera delivers from now on.</summary>
public sealed record CameraStep(string Camera, string Mode) : ScenarioStep
{
    public static readonly IReadOnlyDictionary<string, string> Modes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["normal"] = "normal", ["covered"] = "covered", ["corrupt"] = "corrupt", ["oversized"] = "oversized", ["failing"] = "failing",
    };

    public override string Kind => "camera";

    public override string Summary => Camera + " " + Mode;
}
