using System.Text.Json;

namespace PanelAgent.Hil.Scenarios;

/// <summary>One parser a step kind. Each reads its own fields; the caller reads the common ones and rejects the rest.</summary>
internal static class StepParsers
{
    public static readonly IReadOnlyDictionary<string, Func<JsonObjectReader, ScenarioStep>> ByKind =
        new Dictionary<string, Func<JsonObjectReader, ScenarioStep>>(StringComparer.Ordinal)
        {
            ["arm"] = Arm,
            ["disarm"] = r => new DisarmStep(r.RequiredString("disarm")),
            ["zone"] = r => new ZoneStep(r.RequiredString("zone"), r.RequiredChoice("state", ScenarioText.Conditions)),
            ["advance"] = r => new AdvanceStep(r.RequiredDuration("advance")),
            ["restart"] = Restart,
            ["expect"] = r => new ExpectStep(Match(r, "expect"), r.OptionalDuration("within")),
            ["expectNone"] = r => new ExpectNoneStep(Match(r, "expectNone"), r.OptionalDuration("for") ?? IsoDuration.Zero),
            ["check"] = Check,
            ["station"] = ImageStepParsers.Station,
            ["camera"] = ImageStepParsers.Camera,
        };

    private static ArmStep Arm(JsonObjectReader r) =>
        new(r.RequiredChoice("arm", ScenarioText.Modes), r.RequiredString("code"), r.OptionalStringArray("bypass"));

    private static RestartStep Restart(JsonObjectReader r)
    {
        // "restart": true names the step; false would read as "do not restart", which no scenario means.
        if (!r.RequiredBool("restart"))
        {
            throw r.Error("restart", "field \"restart\" must be true (use \"hard\": true for a power cut)");
        }

        return new RestartStep(r.OptionalBool("hard") ?? false);
    }

    private static EventMatch Match(JsonObjectReader step, string field)
    {
        var r = new JsonObjectReader(step.Require(field), step.Context, $"field \"{field}\"");
        var match = new EventMatch(
            r.RequiredString("event"), r.OptionalString("zone"), r.OptionalInt("user"), r.OptionalString("detail"));
        r.RejectUnknown();
        return match;
    }

    private static CheckStep Check(JsonObjectReader r)
    {
        var figure = r.RequiredString("check");
        var equals = r.Take("equals");
        var atLeast = r.OptionalNumber("atLeast");
        var atMost = r.OptionalNumber("atMost");
        if (equals is null && atLeast is null && atMost is null)
        {
            throw r.Error("equals", "missing field \"equals\", \"atLeast\" or \"atMost\"");
        }

        if (equals is not null && (atLeast is not null || atMost is not null))
        {
            throw r.Error("equals", "field \"equals\" cannot be combined with \"atLeast\" or \"atMost\"");
        }

        if (atLeast > atMost)
        {
            throw r.Error("atLeast", "field \"atLeast\" is greater than \"atMost\"");
        }

        return equals switch
        {
            null => new CheckStep(figure, null, null, atLeast, atMost),
            { ValueKind: JsonValueKind.String } e when e.GetString() is { } s => new CheckStep(figure, s, null, null, null),
            { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => new CheckStep(figure, null, d, null, null),
            _ => throw r.Error("equals", "field \"equals\" must be a number or a string"),
        };
    }
}
