using PanelAgent.Core.Events;
using PanelAgent.Core.State;

namespace PanelAgent.Core.Engine;

/// <summary>What the engine decided: the next state and the events that explain it. Outputs follow from the state.</summary>
public sealed record Decision(PanelState Next, IReadOnlyList<PanelEvent> Events)
{
    public static Decision Unchanged(PanelState state) => new(state, []);
}
