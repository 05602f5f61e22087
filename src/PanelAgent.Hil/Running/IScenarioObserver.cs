using PanelAgent.Core.Events;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Running;

/// <summary>Hears a run as it happens (console output, timeline). Times are virtual, since the scenario start.</summary>
public interface IScenarioObserver
{
    void ScenarioStarted(Scenario scenario, DateTimeOffset start);

    /// <summary>An event the target reported, as soon as the runner sees it (after each call into the target).</summary>
    void EventObserved(PanelEvent e, TimeSpan at);

    void StepFinished(StepResult result);

    void ScenarioFinished(ScenarioResult result);
}
