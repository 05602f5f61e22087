using System.Diagnostics;

namespace PanelAgent.Update.Confirm;

/// <summary>
/// Runs a configured command line (split on spaces, no shell, so nothing in it is interpreted) with a timeout;
/// a command that overruns is killed and counts as failed.
/// </summary>
public static class CommandRunner
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static async Task<Result> RunAsync(string commandLine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var parts = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return new Result(-1, "empty command");
        }

        var info = new ProcessStartInfo(parts[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in parts.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new Result(-1, $"'{parts[0]}' could not start: {ex.Message}");
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(timer.Token);
        var errors = process.StandardError.ReadToEndAsync(timer.Token);
        try
        {
            await process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
            return new Result(process.ExitCode, Tail((await output.ConfigureAwait(false)) + (await errors.ConfigureAwait(false))));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, $"'{parts[0]}' did not finish within {timeout}");
        }
    }

    /// <summary>The last line or two: enough for a reason, bounded for the report.</summary>
    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 300 ? trimmed : trimmed[^300..];
    }
}
