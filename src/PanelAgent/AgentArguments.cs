namespace PanelAgent;

/// <summary>panel-agent's command line: <c>[--config PATH] [--simulate] [--data DIR] [--storm ZONE [--storm-interval MS]]</c>.</summary>
public sealed record AgentArguments
{
    public const string DefaultConfig = "/etc/panelagent/panel.json";

    public string ConfigPath { get; init; } = DefaultConfig;

    public bool Simulate { get; init; }

    /// <summary>Simulation only: where the database and pepper go, overriding the file's paths.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Simulation only: a zone to toggle continuously (crash and load tests).</summary>
    public string? StormZone { get; init; }

    public TimeSpan StormInterval { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Simulation only: a Unix socket driving the simulated board and clock (Simulation/SimulationCommands.cs).</summary>
    public string? SimControlPath { get; init; }

    public bool Help { get; init; }

    /// <summary><c>--version</c>: print the version stamped at publish (git) and exit.</summary>
    public bool Version { get; init; }

    public const string Usage =
        "usage: panel-agent [--config PATH] [--simulate] [--data DIR] [--storm ZONE [--storm-interval MS]] [--sim-control SOCKET]\n" +
        "       panel-agent --version\n" +
        "       panel-agent update (apply BUNDLE | verify BUNDLE | recover | idle | request) [options]   (docs/release.md)";

    /// <summary>Parses the arguments; returns null and an error for anything unknown.</summary>
    public static AgentArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var result = new AgentArguments();
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--config": result = result with { ConfigPath = Next() ?? "" }; break;
                case "--simulate": result = result with { Simulate = true }; break;
                // "" rather than null when the value is missing, so the check below refuses it instead of ignoring it.
                case "--data": result = result with { DataDirectory = Next() ?? "" }; break;
                case "--storm": result = result with { StormZone = Next() ?? "" }; break;
                case "--sim-control": result = result with { SimControlPath = Next() ?? "" }; break;
                case "--storm-interval" when int.TryParse(Next(), out var ms) && ms > 0:
                    result = result with { StormInterval = TimeSpan.FromMilliseconds(ms) };
                    break;
                case "-h" or "--help": result = result with { Help = true }; break;
                case "--version": result = result with { Version = true }; break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'";
                    return null;
            }
        }

        if (result.ConfigPath.Length == 0 || result.DataDirectory?.Length == 0 || result.StormZone?.Length == 0 || result.SimControlPath?.Length == 0)
        {
            error = "an option is missing its value";
            return null;
        }

        if (!result.Simulate && (result.DataDirectory is not null || result.StormZone is not null))
        {
            error = "--data and --storm are for --simulate only";
            return null;
        }

        if (!result.Simulate && result.SimControlPath is not null)
        {
            error = "--sim-control is for --simulate only";
            return null;
        }

        return result;
    }

    /// <summary>Configuration overrides the command line implies (simulation data directory).</summary>
    public Dictionary<string, string?> ConfigOverrides()
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (DataDirectory is { } dir)
        {
            var full = Path.GetFullPath(dir);
            overrides["Storage:Path"] = Path.Combine(full, "panel.db");
            overrides["Panel:Codes:PepperPath"] = Path.Combine(full, "pepper");
            overrides["Diagnostics:SocketPath"] = Path.Combine(full, "diag.sock");
        }

        return overrides;
    }
}
