namespace PanelAgent.Tests.Support;

/// <summary>
/// The tests that start panel-agent processes run one at a time: on a two-core machine several JIT-ing hosts at once
/// would only make their timeouts nervous. The in-process tests still run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AgentProcessCollection
{
    public const string Name = "panel-agent processes";
}
