using PanelAgent.Core.Events;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Reporting;

/// <summary>
/// Human output: a line per step (<c>  ✓ 00:00:31  zone front-door open</c>), the events seen since the last match
/// under a failed step, a summary per scenario and <see cref="WriteTotals"/>. With the timeline on, each event is
/// printed under the step during which it was observed. Codes never appear: steps mask them and notes and
/// messages go through <see cref="Redaction"/>.
/// </summary>
public sealed class ConsoleReporter : IScenarioObserver
{
    private const int SeenLimit = 50;

    /// <summary>How <see cref="ScenarioRunner"/> begins the message of a step the target cannot run.</summary>
    private const string NotOnTarget = "not on this target: ";

    private readonly TextWriter _output;
    private readonly bool _timeline;
    private readonly List<string> _pending = [];
    private DateTimeOffset _start;
    private IReadOnlyList<string> _codes = [];

    public ConsoleReporter(TextWriter output, bool timeline)
    {
        _output = output;
        _timeline = timeline;
    }

    public void ScenarioStarted(Scenario scenario, DateTimeOffset start)
    {
        _start = start;
        _codes = scenario.Codes;
        _pending.Clear();
        _output.WriteLine($"▶ {scenario.Name}");
        if (scenario.Note is { } note)
        {
            _output.WriteLine("  # " + Redaction.Mask(note, _codes));
        }
    }

    public void EventObserved(PanelEvent e, TimeSpan at)
    {
        if (_timeline)
        {
            _pending.Add(RunFormat.EventLine(e, at));
        }
    }

    public void StepFinished(StepResult result)
    {
        var time = result.Outcome == StepOutcome.Skipped ? "--:--:--" : RunFormat.Time(result.At);
        var message = result.Message.Length == 0 ? "" : " — " + result.Message;
        var note = result.Step.Note is { } n ? "  # " + Redaction.Mask(n, _codes) : "";
        _output.WriteLine($"  {Mark(result.Outcome)} {time}  {result.Step.Display}{message}{note}");
        foreach (var line in _pending)
        {
            _output.WriteLine("      " + line);
        }

        _pending.Clear();
        if (result.Outcome == StepOutcome.Failed)
        {
            WriteSeen(result.Seen);
        }
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        if (result.SetupError is { } error)
        {
            _output.WriteLine($"  ✗ target not started — {error}");
        }

        var skipped = result.Count(StepOutcome.Skipped);
        _output.WriteLine(result.Passed
            ? $"  PASS {result.Scenario.Name}: " + (skipped == 0 ? $"{result.Steps.Count} steps passed" : Counts(result.Steps))
            : $"  FAIL {result.Scenario.Name}: {Counts(result.Steps)}");
        _output.WriteLine();
    }

    public void WriteTotals(IReadOnlyList<ScenarioResult> results)
    {
        var failed = results.Count(r => !r.Passed);
        var steps = results.SelectMany(r => r.Steps).ToList();
        _output.WriteLine(
            $"{results.Count} scenario(s): {results.Count - failed} passed, {failed} failed; {steps.Count} steps: {Counts(steps)}");

        // A rig's CI reads why steps were left out at a glance: each reason once, with how many steps it left out.
        var reasons = steps.Where(s => s.Outcome == StepOutcome.Skipped && s.Message.StartsWith(NotOnTarget, StringComparison.Ordinal))
            .GroupBy(s => s.Message[NotOnTarget.Length..], StringComparer.Ordinal).OrderByDescending(g => g.Count());
        foreach (var reason in reasons)
        {
            _output.WriteLine($"  not on this target ({reason.Count()}): {reason.Key}");
        }
    }

    private void WriteSeen(IReadOnlyList<PanelEvent> seen)
    {
        _output.WriteLine(seen.Count == 0 ? "      no events since the last match" : "      events since the last match:");
        foreach (var e in seen.Skip(Math.Max(0, seen.Count - SeenLimit)))
        {
            _output.WriteLine("        " + RunFormat.EventLine(e, e.At - _start));
        }
    }

    private static string Counts(IReadOnlyList<StepResult> steps) =>
        $"{steps.Count(s => s.Outcome == StepOutcome.Passed)} passed, "
        + $"{steps.Count(s => s.Outcome == StepOutcome.Failed)} failed, "
        + $"{steps.Count(s => s.Outcome == StepOutcome.Skipped)} skipped";

    private static string Mark(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Passed => "✓",
        StepOutcome.Failed => "✗",
        _ => "-",
    };
}
