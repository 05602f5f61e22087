using System.Text.RegularExpressions;

namespace PanelAgent.Cli.Tests.Support;

/// <summary>
/// Golden outputs: <c>Golden/&lt;name&gt;.txt</c> holds the exit code, stdout and stderr of one run, with the temp
/// folder, hashes and the uid made stable. A missing or different file fails the test; run the tests with
/// <c>PANELCTL_UPDATE_GOLDEN=1</c> to write them, then read the diff before committing.
/// </summary>
internal static partial class Golden
{
    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(file)!)!, "Golden");

    public static string Render(CliRun run, string tempDirectory) =>
        Normalize($"exit: {run.ExitCode}\n--- stdout\n{run.Stdout}--- stderr\n{run.Stderr}", tempDirectory);

    public static void Check(string name, string actual)
    {
        var path = Path.Combine(SourceDirectory(), name + ".txt");
        if (Environment.GetEnvironmentVariable("PANELCTL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {path}; run with PANELCTL_UPDATE_GOLDEN=1. Output:\n{actual}");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string Normalize(string text, string tempDirectory)
    {
        text = text.Replace(tempDirectory, "<tmp>", StringComparison.Ordinal)
            .Replace(AppContext.BaseDirectory, "<bin>/", StringComparison.Ordinal);
        text = Hash().Replace(text, "<hash>");
        return Actor().Replace(text, "technician:<uid>");
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Hash();

    [GeneratedRegex(@"technician:\d+")]
    private static partial Regex Actor();
}
