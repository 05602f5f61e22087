using System.Globalization;

namespace PanelAgent.Faults;

/// <summary><c>panel-faults [--quick] [--json] [--only NAME[,NAME]] [--seed N]</c>.</summary>
internal sealed record FaultArguments
{
    public const string Usage = "usage: panel-faults [--quick] [--json] [--only NAME[,NAME...]] [--seed N]";

    public bool Quick { get; init; }

    public bool Json { get; init; }

    public IReadOnlyList<string> Only { get; init; } = [];

    public int Seed { get; init; } = Environment.TickCount;

    public static FaultArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var result = new FaultArguments();
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--quick": result = result with { Quick = true }; break;
                case "--json": result = result with { Json = true }; break;
                case "--only" when Next() is { Length: > 0 } names:
                    result = result with { Only = names.Split(',', StringSplitOptions.RemoveEmptyEntries) };
                    break;
                case "--seed" when int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    result = result with { Seed = seed };
                    break;
                default:
                    error = $"unknown or incomplete option '{args[i]}'";
                    return null;
            }
        }

        return result;
    }
}
