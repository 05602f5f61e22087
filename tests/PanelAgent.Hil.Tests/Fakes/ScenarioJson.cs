using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Tests.Fakes;

/// <summary>Builds scenarios from step JSON, so tests read like scenario files.</summary>
internal static class ScenarioJson
{
    public const string UserCode = "258013";

    public static string Json(string steps, string name = "test") =>
        $$"""{ "name": "{{name}}", "panel": "hardware/panels/sim-villa.json", "steps": [ {{steps}} ] }""";

    public static Scenario Parse(string steps) => ScenarioParser.Parse(Json(steps), "test.json");
}
