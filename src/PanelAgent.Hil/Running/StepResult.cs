using PanelAgent.Core.Events;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Running;

/// <summary>How one step went.</summary>
/// <param name="Step">The step as parsed.</param>
/// <param name="Outcome">Passed, failed, or skipped after an earlier failure.</param>
/// <param name="Message">What was seen or went wrong; codes masked. Empty when there is nothing to add.</param>
/// <param name="At">Virtual time since the scenario started, when the step began.</param>
public sealed record StepResult(ScenarioStep Step, StepOutcome Outcome, string Message, TimeSpan At)
{
    /// <summary>Wall-clock time the step took (JUnit's <c>time</c>).</summary>
    public TimeSpan WallTime { get; init; }

    /// <summary>On failure: the events since the last matched expect, to show what the panel did instead.</summary>
    public IReadOnlyList<PanelEvent> Seen { get; init; } = [];
}
