using System.Globalization;
using System.Text.RegularExpressions;

namespace PanelAgent.Tests.Support;

/// <summary>
/// StorageLog.Committed (EventId 3010, Debug), as the console logger prints it: "Committed 3 event(s), last sequence 41".
/// It is logged after the transaction committed, so a printed line means those sequences were durable.
/// </summary>
internal static partial class CommitLine
{
    /// <summary>Turns Committed lines on for the PanelAgent.Storage categories.</summary>
    public static IReadOnlyDictionary<string, string> LoggingEnvironment { get; } = new Dictionary<string, string>
    {
        ["Logging__LogLevel__PanelAgent.Storage"] = "Debug",
    };

    /// <summary>The sequences a Committed line reports, or null for any other line.</summary>
    public static (long First, long Last)? Parse(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var count = long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var last = long.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        return (last - count + 1, last);
    }

    /// <summary>Every sequence the lines report as committed.</summary>
    public static IEnumerable<long> Sequences(IEnumerable<string> lines) =>
        lines.Select(Parse).OfType<(long First, long Last)>()
            .SelectMany(c => Enumerable.Range(0, (int)(c.Last - c.First + 1)).Select(i => c.First + i));

    [GeneratedRegex(@"Committed (\d+) event\(s\), last sequence (\d+)")]
    private static partial Regex Pattern();
}
