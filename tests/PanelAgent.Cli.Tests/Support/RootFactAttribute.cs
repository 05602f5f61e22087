namespace PanelAgent.Cli.Tests.Support;

/// <summary>A fact that needs root (it creates a real user and group); skipped, saying so, otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root" && !File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:\t0\t", StringComparison.Ordinal)))
        {
            Skip = "needs root: creates a real second user and group with useradd/groupadd (the CI container runs as root)";
        }
    }
}
