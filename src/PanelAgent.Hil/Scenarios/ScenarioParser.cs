using System.Text.Json;

namespace PanelAgent.Hil.Scenarios;

/// <summary>
/// Parses the scenario format strictly: unknown steps, unknown fields, wrong types and missing fields are errors
/// naming the step and field (<see cref="ScenarioFormatException"/>), never skipped.
/// </summary>
/// <remarks>
/// A scenario is <c>{ "name", "panel", "note"?, "steps": [...] }</c>. Each step has exactly one kind field, plus an
/// optional <c>"note"</c> and <c>"rig": false</c> (a step a real rig cannot do; simulation runs it anyway):
/// <c>arm</c> (away|home) with <c>code</c> and <c>bypass</c>?; <c>disarm</c> (the code); <c>zone</c> with
/// <c>state</c> (open|closed|tamper|fault); <c>advance</c> (ISO 8601 duration); <c>restart</c> (true) with
/// <c>hard</c>?; <c>expect</c> (event match) with <c>within</c>?; <c>expectNone</c> (event match) with <c>for</c>?;
/// <c>check</c> (a figure) with <c>equals</c> (number or string) or <c>atLeast</c>/<c>atMost</c> (numbers).
/// An event match is <c>{ "event", "zone"?, "user"? (integer), "detail"? }</c>.
/// </remarks>
public static class ScenarioParser
{
    private static readonly string[] s_commonFields = ["note", "rig"];

    /// <param name="json">The file's text.</param>
    /// <param name="source">How messages name the file, e.g. its path.</param>
    public static Scenario Parse(string json, string source)
    {
        var file = new ParseContext(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw file.Error(null, $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        using (document)
        {
            return ParseRoot(new JsonObjectReader(document.RootElement, file, "the scenario"));
        }
    }

    private static Scenario ParseRoot(JsonObjectReader root)
    {
        var name = root.RequiredString("name");
        var panel = root.RequiredString("panel");
        var note = root.OptionalString("note");
        var steps = root.Require("steps");
        if (steps.ValueKind != JsonValueKind.Array || steps.GetArrayLength() == 0)
        {
            throw root.Error("steps", "field \"steps\" must be a non-empty array");
        }

        var parsed = steps.EnumerateArray().Select((step, i) => ParseStep(step, i + 1, root.Context.Source)).ToList();
        root.RejectUnknown();
        return new Scenario(name, panel, parsed) { Note = note };
    }

    private static ScenarioStep ParseStep(JsonElement element, int number, string source)
    {
        var at = new ParseContext(source, number);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw at.Error(null, "a step must be a JSON object");
        }

        var kind = KindOf([.. element.EnumerateObject().Select(p => p.Name)], at);
        var reader = new JsonObjectReader(element, at with { Kind = kind }, "a step");
        var step = StepParsers.ByKind[kind](reader);
        var note = reader.OptionalString("note");
        var rig = reader.OptionalBool("rig") ?? true;
        reader.RejectUnknown();
        return step with { Number = number, Note = note, Rig = rig };
    }

    /// <summary>The one field that names a step kind; an unknown first field names an unknown step.</summary>
    private static string KindOf(IReadOnlyList<string> names, ParseContext at)
    {
        var kinds = names.Where(StepParsers.ByKind.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (kinds.Count == 1)
        {
            return kinds[0];
        }

        if (kinds.Count > 1)
        {
            throw (at with { Kind = kinds[0] })
                .Error(kinds[1], $"fields \"{kinds[0]}\" and \"{kinds[1]}\" are both step kinds; one step does one thing");
        }

        var first = names.FirstOrDefault(n => !s_commonFields.Contains(n));
        var expected = string.Join(", ", StepParsers.ByKind.Keys);
        throw first is null
            ? at.Error(null, $"no step kind (one of {expected})")
            : (at with { Kind = first }).Error(first, $"unknown step \"{first}\" (one of {expected})");
    }
}
