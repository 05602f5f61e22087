namespace PanelAgent.Hil.Scenarios;

/// <summary>Parsers of the image steps (issue 4), kept apart from <see cref="StepParsers"/>.</summary>
internal static class ImageStepParsers
{
    private static readonly IReadOnlyDictionary<string, string> s_commands =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["picture"] = "picture", ["hold"] = "hold" };

    public static StationStep Station(JsonObjectReader r)
    {
        var command = r.RequiredChoice("station", s_commands);
        var camera = command == "picture" ? r.RequiredString("from") : null;
        var hold = command == "hold" ? r.RequiredDuration("for") : null;
        return new StationStep(command, camera, hold);
    }

    public static CameraStep Camera(JsonObjectReader r) =>
        new(r.RequiredString("camera"), r.RequiredChoice("mode", CameraStep.Modes)) { Rig = false };
}
