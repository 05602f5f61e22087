using PanelAgent.Core.Events;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Running;

/// <summary>An observer that hears nothing, for runs whose result is all that matters.</summary>
internal sealed class NullObserver : IScenarioObserver
{
    public static readonly NullObserver Instance = new();

    public void ScenarioStarted(Scenario scenario, DateTimeOffset start)
    {
    }

    public void EventObserved(PanelEvent e, TimeSpan at)
    {
    }

    public void StepFinished(StepResult result)
    {
    }

    public void ScenarioFinished(ScenarioResult result)
    {
    }
}
