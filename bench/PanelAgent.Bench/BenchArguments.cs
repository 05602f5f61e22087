namespace PanelAgent.Bench;

/// <summary>
/// panel-bench's command line: <c>AREA [--json] [--quick] [--agent PATH] [--config PATH] [--data-root DIR]</c>.
/// scripts/bench.sh passes the paths; the defaults suit a run from the repository root.
/// </summary>
internal sealed record BenchArguments
{
    public const string Usage =
        "usage: panel-bench AREA [--json] [--quick] [--agent PATH] [--config PATH] [--data-root DIR]\n" +
        "                  [--variant NAME=AGENT]... [--size NAME=DIR]...   (release)\n" +
        "areas: core, link, panelctl, images, release";

    public static readonly IReadOnlySet<string> Areas =
        new HashSet<string>(["core", "link", "panelctl", "images", "release"], StringComparer.Ordinal);

    public string Area { get; init; } = "";

    public bool Json { get; init; }

    public bool Quick { get; init; }

    /// <summary>panel-agent.dll, run with <c>dotnet</c> for the process figures (idle CPU, RSS, ready).</summary>
    public string AgentPath { get; init; } = "src/PanelAgent/bin/Release/net10.0/panel-agent.dll";

    public string ConfigPath { get; init; } = "hardware/panels/sim-villa.json";

    /// <summary>
    /// Where the benchmark's databases go. /var/tmp rather than /tmp: on the panel's OS /tmp is often tmpfs, where an
    /// fsync costs nothing and the figures would not be about durable commits.
    /// </summary>
    public string DataRoot { get; init; } = "/var/tmp";

    /// <summary>release: builds to run (NAME=panel-agent executable or .dll); the first is the baseline.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variants { get; init; } = [];

    /// <summary>release: bundles measured for size only (NAME=DIR), e.g. arm64 builds that cannot run here at speed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sizes { get; init; } = [];

    public static BenchArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var result = new BenchArguments();
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--json": result = result with { Json = true }; break;
                case "--quick": result = result with { Quick = true }; break;
                case "--agent" when Next() is { Length: > 0 } path: result = result with { AgentPath = path }; break;
                case "--config" when Next() is { Length: > 0 } path: result = result with { ConfigPath = path }; break;
                case "--data-root" when Next() is { Length: > 0 } path: result = result with { DataRoot = path }; break;
                case "--variant" when Pair(Next()) is { } pair: result = result with { Variants = [.. result.Variants, pair] }; break;
                case "--size" when Pair(Next()) is { } pair: result = result with { Sizes = [.. result.Sizes, pair] }; break;
                case var area when !area.StartsWith('-') && result.Area.Length == 0:
                    result = result with { Area = area };
                    break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'";
                    return null;
            }
        }

        if (!Areas.Contains(result.Area))
        {
            error = result.Area.Length == 0 ? "no area given" : $"unknown area '{result.Area}'";
            return null;
        }

        return result;
    }

    private static KeyValuePair<string, string>? Pair(string? text) =>
        text?.Split('=', 2) is [{ Length: > 0 } name, { Length: > 0 } value] ? new(name, value) : null;
}
