using System.Diagnostics.CodeAnalysis;
using PanelAgent.Hil.Reporting;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil;

/// <summary>
/// <c>panel-hil run</c>: loads every scenario first (a malformed file stops everything before any target starts,
/// exit 2), runs them in order on fresh targets, prints and optionally writes JUnit, and returns an
/// <see cref="ExitCodes"/> value.
/// </summary>
public static class HilCommand
{
    /// <summary>Runs the command line; returns an <see cref="ExitCodes"/> value.</summary>
    /// <remarks><paramref name="targets"/> is called once, after every file loaded, so a target that is not
    /// available does not hide a malformed scenario.</remarks>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error,
        Func<HilArguments, IScenarioTargetFactory> targets, string currentDirectory, CancellationToken ct)
    {
        if (HilArguments.IsHelp(args))
        {
            output.WriteLine(HilArguments.Usage);
            return ExitCodes.Passed;
        }

        if (!HilArguments.TryParse(args, out var parsed, out var problem))
        {
            error.WriteLine("panel-hil: " + problem);
            error.WriteLine(HilArguments.Usage);
            return ExitCodes.Usage;
        }

        if (!TryLoad(parsed.Paths, currentDirectory, error, out var files))
        {
            return ExitCodes.Usage;
        }

        if (!TryGetFactory(() => targets(parsed), error, out var factory, out var refused))
        {
            return refused;
        }

        List<ScenarioResult> results;
        try
        {
            results = await RunAllAsync(files, factory, new ConsoleReporter(output, parsed.Timeline), ct);
        }
        finally
        {
            // A rig's factory holds its GPIO lines and station for the whole run.
            await ((factory as IAsyncDisposable)?.DisposeAsync() ?? ValueTask.CompletedTask);
        }

        if (parsed.JUnitPath is { } junit && !TryWriteJUnit(results, Path.GetFullPath(junit, currentDirectory), error))
        {
            return ExitCodes.Usage;
        }

        return results.All(r => r.Passed) ? ExitCodes.Passed : ExitCodes.StepFailed;
    }

    private static async Task<List<ScenarioResult>> RunAllAsync(IReadOnlyList<ScenarioFile> files,
        IScenarioTargetFactory factory, ConsoleReporter reporter, CancellationToken ct)
    {
        var runner = new ScenarioRunner(reporter);
        var results = new List<ScenarioResult>(files.Count);
        foreach (var file in files)
        {
            results.Add(await runner.RunAsync(file, factory, ct));
        }

        reporter.WriteTotals(results);
        return results;
    }

    /// <summary>Expands directories and loads every file, reporting every bad one, not just the first.</summary>
    private static bool TryLoad(IReadOnlyList<string> paths, string currentDirectory, TextWriter error,
        out List<ScenarioFile> files)
    {
        files = [];
        var ok = true;
        foreach (var path in Expand(paths, currentDirectory, error, ref ok))
        {
            try
            {
                files.Add(ScenarioLoader.Load(path, currentDirectory));
            }
            catch (ScenarioFormatException ex)
            {
                error.WriteLine("panel-hil: " + ex.Message);
                ok = false;
            }
        }

        return ok;
    }

    private static List<string> Expand(IReadOnlyList<string> paths, string currentDirectory, TextWriter error, ref bool ok)
    {
        var expanded = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, currentDirectory);
            if (File.Exists(full))
            {
                expanded.Add(path);
                continue;
            }

            var inDirectory = Directory.Exists(full)
                ? Directory.GetFiles(full, "*.json").Select(Path.GetFileName).OfType<string>()
                    .Order(StringComparer.Ordinal).Select(name => Path.Combine(path, name)).ToList()
                : [];
            if (inDirectory.Count == 0)
            {
                error.WriteLine($"panel-hil: {path}: " + (Directory.Exists(full) ? "no *.json scenarios" : "no such file or directory"));
                ok = false;
            }

            expanded.AddRange(inDirectory);
        }

        return expanded;
    }

    private static bool TryGetFactory(Func<IScenarioTargetFactory> targets, TextWriter error,
        [NotNullWhen(true)] out IScenarioTargetFactory? factory, out int exitCode)
    {
        factory = null;
        try
        {
            factory = targets();
            exitCode = ExitCodes.Passed;
            return true;
        }
        catch (NotSupportedException ex)
        {
            error.WriteLine("panel-hil: " + ex.Message);
            exitCode = ExitCodes.Usage;
            return false;
        }
        catch (Rig.RigMapException ex)
        {
            error.WriteLine("panel-hil: rig map: " + ex.Message);
            exitCode = ExitCodes.RigMap;
            return false;
        }
    }

    private static bool TryWriteJUnit(IReadOnlyList<ScenarioResult> results, string path, TextWriter error)
    {
        try
        {
            // CI names a report path before its folder exists (--junit artifacts/hil.xml).
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            JUnitReport.Save(results, path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"panel-hil: cannot write {path}: {ex.Message}");
            return false;
        }
    }
}
