namespace PanelAgent.Hil.Scenarios;

/// <summary>One step of a scenario. <see cref="ToString"/> is sealed here so that no step prints a code.</summary>
public abstract record ScenarioStep
{
    /// <summary>1-based position in the scenario, as error messages and reports name it.</summary>
    public int Number { get; init; }

    /// <summary>Free text for humans.</summary>
    public string? Note { get; init; }

    /// <summary>False for steps a real rig cannot do (HIL issue); simulation runs every step.</summary>
    public bool Rig { get; init; } = true;

    /// <summary>The step kind as written in the scenario: <c>arm</c>, <c>expect</c>...</summary>
    public abstract string Kind { get; }

    /// <summary>The rest of the step, for output. Never contains a code.</summary>
    public abstract string Summary { get; }

    public string Display => Summary.Length == 0 ? Kind : Kind + " " + Summary;

    public sealed override string ToString() => Display;
}
