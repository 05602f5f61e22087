namespace PanelAgent.Hil.Scenarios;

/// <summary>
/// A scenario file that cannot be run as written. The message names the file, the step (1-based, with its kind)
/// and the field, e.g. <c>burglary.json: step 5 (expect): unknown field "zones"</c>. It never quotes a code.
/// </summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException(string source, int? step, string? stepKind, string? field, string detail)
        : base(Compose(source, step, stepKind, detail))
    {
        Source = source;
        Step = step;
        StepKind = stepKind;
        Field = field;
    }

    /// <summary>The scenario file, as named by the caller.</summary>
    public new string Source { get; }

    public int? Step { get; }

    public string? StepKind { get; }

    public string? Field { get; }

    private static string Compose(string source, int? step, string? kind, string detail)
    {
        var where = step is null ? "" : kind is null ? $"step {step}: " : $"step {step} ({kind}): ";
        return $"{source}: {where}{detail}";
    }
}
