using System.Reflection;

namespace PanelAgent;

/// <summary>The version publish.sh stamps from git (<c>-p:Version</c>, <c>-p:SourceRevisionId</c>): MAJOR.MINOR.PATCH+commit.</summary>
public static class AgentVersion
{
    public static string Text { get; } =
        typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";
}
