using System.Reflection;

namespace PanelAgent.Diagnostics;

/// <summary>What <c>panelctl status</c> reports about the agent itself: its version and when it started.</summary>
public sealed record AgentInfo(string Version, DateTimeOffset StartedAt)
{
    public static AgentInfo Current(TimeProvider time)
    {
        var version = typeof(AgentInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion ?? "unknown";
        return new AgentInfo(version, time.GetUtcNow());
    }
}
