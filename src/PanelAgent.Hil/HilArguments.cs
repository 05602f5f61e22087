using System.Diagnostics.CodeAnalysis;

namespace PanelAgent.Hil;

/// <summary><c>panel-hil run FILE... [--junit PATH] [--timeline]</c>, parsed by hand: three options need no library.</summary>
public sealed record HilArguments(
    IReadOnlyList<string> Paths, string? JUnitPath, bool Timeline, string? KeepData = null, DateTimeOffset? Start = null)
{
    /// <summary><c>--target sim</c> (default) or <c>--target rig</c>.</summary>
    public string Target { get; init; } = "sim";

    /// <summary><c>--rig PATH</c>: the rig map (hardware/rig/*.json) of a <c>--target rig</c> run.</summary>
    public string? RigMap { get; init; }

    public const string Usage = """
        usage: panel-hil run FILE|DIR... [--target sim|rig] [--rig MAP] [--junit PATH] [--timeline] [--keep-data DIR] [--start now|ISO-8601]
          FILE|DIR      scenario files (hardware/scenarios/*.json); a directory runs its *.json files in name order
          --target T    sim (default): the simulated panel on a virtual clock; rig: a real panel on the rig (needs --rig)
          --rig MAP     the rig map, hardware/rig/*.json: rig lines to panel zones, station config (hardware/rig/README.md)
          --junit PATH  also write JUnit XML to PATH
          --timeline    print every panel event as it is observed
          --keep-data DIR  simulation: keep the database in DIR (emptied first) for inspection
          --start WHEN  simulation: where the virtual clock starts (default Monday 2026-01-05 08:00 UTC); "now" for a
                        database a real panel-agent will open next (its retention judges by the real clock)
        exit codes: 0 every step held (steps a rig cannot do are skipped), 1 a step failed, 2 usage error or malformed
          scenario, 3 the rig map is not valid
        """;

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out HilArguments? parsed, out string error)
    {
        parsed = null;
        error = "";
        if (args.Count == 0 || args[0] != "run")
        {
            error = args.Count == 0 ? "missing command" : $"unknown command \"{args[0]}\"";
            return false;
        }

        var paths = new List<string>();
        string? junit = null;
        var timeline = false;
        string? keep = null;
        DateTimeOffset? start = null;
        var target = "sim";
        string? rig = null;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--timeline":
                    timeline = true;
                    break;
                case "--junit" when i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    junit = args[++i];
                    break;
                case "--junit":
                    error = "--junit needs a PATH";
                    return false;
                case "--keep-data" when i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    keep = args[++i];
                    break;
                case "--keep-data":
                    error = "--keep-data needs a DIR";
                    return false;
                case "--start" when i + 1 < args.Count && TryParseStart(args[i + 1], out var when):
                    start = when;
                    i++;
                    break;
                case "--start":
                    error = "--start needs \"now\" or an ISO 8601 instant with its offset";
                    return false;
                case "--target" when i + 1 < args.Count && args[i + 1] is "sim" or "rig":
                    target = args[++i];
                    break;
                case "--target":
                    error = "--target needs sim or rig";
                    return false;
                case "--rig" when i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    rig = args[++i];
                    break;
                case "--rig":
                    error = "--rig needs a MAP";
                    return false;
                case var option when option.StartsWith('-') && option.Length > 1:
                    error = $"unknown option \"{option}\"";
                    return false;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            error = "no scenario files given";
            return false;
        }

        error = (target, rig, keep ?? (object?)start) switch
        {
            ("rig", null, _) => "--target rig needs --rig MAP",
            ("sim", not null, _) => "--rig is for --target rig",
            ("rig", _, not null) => "--keep-data and --start are for the simulation",
            _ => "",
        };
        if (error.Length > 0)
        {
            return false;
        }

        parsed = new HilArguments(paths, junit, timeline, keep, start) { Target = target, RigMap = rig };
        return true;
    }

    private static bool TryParseStart(string text, out DateTimeOffset start)
    {
        if (text == "now")
        {
            start = DateTimeOffset.UtcNow;
            return true;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out start) && text.Contains('T', StringComparison.Ordinal);
    }

    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help") || args is ["help"];
}
