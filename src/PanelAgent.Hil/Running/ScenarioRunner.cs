using PanelAgent.Hil.Reporting;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil.Running;

/// <summary>
/// Runs scenarios step by step and stops at the first failing step: later steps build on what it should have
/// established, so they are reported as skipped rather than as a cascade of failures. A step the target says it cannot
/// run (<see cref="IScenarioTarget.CannotRun"/>) is skipped with the reason; when it is an action, so is the rest.
/// </summary>
public sealed class ScenarioRunner
{
    private readonly IScenarioObserver _observer;
    private readonly TimeProvider _wallClock;

    public ScenarioRunner(IScenarioObserver? observer = null, TimeProvider? wallClock = null)
    {
        _observer = observer ?? NullObserver.Instance;
        _wallClock = wallClock ?? TimeProvider.System;
    }

    /// <summary>Starts a fresh target for the file's panel, runs the scenario on it, and disposes it.</summary>
    public async Task<ScenarioResult> RunAsync(ScenarioFile file, IScenarioTargetFactory factory, CancellationToken ct)
    {
        IScenarioTarget target;
        try
        {
            target = await factory.CreateAsync(file.PanelConfigPath, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = Redaction.Mask($"{ex.GetType().Name}: {ex.Message}", file.Scenario.Codes);
            var notStarted = ScenarioResult.NotStarted(file.Scenario, error) with { Source = file.Path };
            _observer.ScenarioStarted(file.Scenario, default);
            _observer.ScenarioFinished(notStarted);
            return notStarted;
        }

        await using (target)
        {
            return await RunAsync(file.Scenario, target, ct) with { Source = file.Path };
        }
    }

    public async Task<ScenarioResult> RunAsync(Scenario scenario, IScenarioTarget target, CancellationToken ct)
    {
        var run = new StepExecutor(target, _observer);
        _observer.ScenarioStarted(scenario, run.Start);
        var results = new List<StepResult>(scenario.Steps.Count);
        StepResult? failed = null;
        ScenarioStep? notRun = null;
        foreach (var step in scenario.Steps)
        {
            var cannot = failed is null && notRun is null ? target.CannotRun(step) : null;
            var result = failed is not null
                ? new StepResult(step, StepOutcome.Skipped, $"skipped: step {failed.Step.Number} failed", run.Elapsed)
                : notRun is not null
                ? new StepResult(step, StepOutcome.Skipped, $"skipped: step {notRun.Number} did not run on this target", run.Elapsed)
                : cannot is not null
                ? new StepResult(step, StepOutcome.Skipped, "not on this target: " + Redaction.Mask(cannot, scenario.Codes), run.Elapsed)
                : await RunStepAsync(run, scenario, step, ct);
            failed ??= result.Outcome == StepOutcome.Failed ? result : null;

            // Later steps build on what an action should have done; an observation left out changes nothing.
            notRun ??= cannot is not null && !IsObservation(step) ? step : null;
            results.Add(result);
            _observer.StepFinished(result);
        }

        var final = new ScenarioResult(scenario, results) { Start = run.Start, Events = [.. target.Events] };
        _observer.ScenarioFinished(final);
        return final;
    }

    private static bool IsObservation(ScenarioStep step) => step is ExpectStep or ExpectNoneStep or CheckStep;

    private async Task<StepResult> RunStepAsync(StepExecutor run, Scenario scenario, ScenarioStep step, CancellationToken ct)
    {
        var at = run.Elapsed;
        var began = _wallClock.GetTimestamp();
        var verdict = await run.ExecuteAsync(step, ct);
        var message = Redaction.Mask(verdict.Message, scenario.Codes);
        return new StepResult(step, verdict.Passed ? StepOutcome.Passed : StepOutcome.Failed, message, at)
        {
            WallTime = _wallClock.GetElapsedTime(began),
            Seen = verdict.Passed ? [] : run.SinceCursor(),
        };
    }
}
