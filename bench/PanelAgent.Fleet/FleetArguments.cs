using System.Globalization;

namespace PanelAgent.Fleet;

/// <summary>
/// <c>panel-fleet [--quick] [--json] [--panels 100,1000] [--stations 1,2,3] [--data-root DIR]</c>. A bad value is
/// an error naming the option (exit 64).
/// </summary>
internal sealed record FleetArguments(FleetSettings Settings, bool Json)
{
    public const string Usage =
        "usage: panel-fleet [--quick] [--json] [--panels 100,1000,...] [--stations 1,2,3] [--data-root DIR]";

    /// <summary>The full run's sizes: 100, 1 000 and the largest this 2-core machine carried (docs/fleet.md).</summary>
    public static readonly int[] DefaultPanels = [100, 1000, 3000];

    public static readonly int[] QuickPanels = [100, 1000];

    public static FleetArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        (error, var quick, var json, int[]? panels, int[]? stations, var dataRoot) = (null, false, false, null, null, "/var/tmp");
        for (var i = 0; i < args.Count && error is null; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--json": json = true; break;
                case "--panels" when i + 1 < args.Count: panels = ParseList(args[++i], "--panels", 1, 20_000, ref error); break;
                case "--stations" when i + 1 < args.Count: stations = ParseList(args[++i], "--stations", 1, 3, ref error); break;
                case "--data-root" when i + 1 < args.Count: dataRoot = args[++i]; break;
                default: error = $"unknown or incomplete option '{args[i]}'"; break;
            }
        }

        if (error is not null)
        {
            return null;
        }

        var settings = new FleetSettings(
            panels ?? (quick ? QuickPanels : DefaultPanels),
            stations ?? (quick ? [2] : [1, 2, 3]),
            BurstEvents: quick ? 1000 : 3000,
            PacedDuration: TimeSpan.FromSeconds(quick ? 3 : 10),
            RampPerSecond: double.TryParse(Environment.GetEnvironmentVariable("FLEET_RAMP"), CultureInfo.InvariantCulture, out var ramp) ? ramp : 400,
            DeliveryTimeout: TimeSpan.FromSeconds(quick ? 30 : 60),
            DataDirectory: dataRoot,
            Budget: quick ? TimeSpan.FromSeconds(90) : TimeSpan.FromMinutes(12));
        return new FleetArguments(settings, json);
    }

    private static int[]? ParseList(string text, string option, int min, int max, ref string? error)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                error = $"{option}: '{part}' is not a whole number from {min} to {max}";
                return null;
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            error = $"{option}: at least one value is required";
            return null;
        }

        return [.. values];
    }
}
