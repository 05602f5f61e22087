using PanelAgent.Core.Events;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Running;

/// <summary>How one scenario went: a result per step, in order, and every event the target reported.</summary>
public sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<StepResult> Steps)
{
    /// <summary>The scenario file, when run from one.</summary>
    public string? Source { get; init; }

    /// <summary>The target's clock when the scenario started; step and event times are relative to it.</summary>
    public DateTimeOffset Start { get; init; }

    public IReadOnlyList<PanelEvent> Events { get; init; } = [];

    /// <summary>Set when the target could not be started, so no step ran.</summary>
    public string? SetupError { get; init; }

    /// <summary>No step failed and the target started. Steps a target cannot run are skipped, not failed (a rig);
    /// steps skipped after a failure come with that failure.</summary>
    public bool Passed => SetupError is null && Steps.All(s => s.Outcome != StepOutcome.Failed);

    public TimeSpan WallTime => TimeSpan.FromTicks(Steps.Sum(s => s.WallTime.Ticks));

    public int Count(StepOutcome outcome) => Steps.Count(s => s.Outcome == outcome);

    public static ScenarioResult NotStarted(Scenario scenario, string error) =>
        new(scenario, [.. scenario.Steps.Select(s => new StepResult(s, StepOutcome.Skipped, "target not started", TimeSpan.Zero))])
        {
            SetupError = error,
        };
}
