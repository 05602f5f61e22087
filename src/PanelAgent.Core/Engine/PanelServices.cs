using Microsoft.Extensions.Logging;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>What the panel needs besides its ports: the clock, a logger, the live zone conditions, the loaded state.</summary>
public sealed record PanelServices(
    TimeProvider Time,
    ILogger Logger,
    Func<IReadOnlyDictionary<string, ZoneCondition>> Conditions,
    PanelState InitialState);
