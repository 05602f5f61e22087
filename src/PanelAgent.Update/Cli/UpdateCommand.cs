using Microsoft.Extensions.Logging;
using PanelAgent.Update.Confirm;
using PanelAgent.Update.Safety;
using PanelAgent.Update.Signing;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update.Cli;

/// <summary>The <c>panel-agent update</c> verb: wires the real probes (systemctl, panelctl, the panel database).</summary>
public static class UpdateCommand
{
    /// <summary>
    /// Test hook: when set to a step name (docs/release.md), the updater writes <c>paused-at-STEP</c> in the slot root
    /// after journaling that step and then waits forever, so a test can SIGKILL it at exactly that point.
    /// </summary>
    public const string PauseVariable = "PANELAGENT_UPDATE_PAUSE_AT";

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(loggers);
        var parsed = UpdateArguments.Parse(args, out var error);
        if (parsed is null)
        {
            await stderr.WriteLineAsync($"panel-agent: {error}\n{UpdateArguments.Usage}").ConfigureAwait(false);
            return UpdateExitCodes.Usage;
        }

        if (parsed.Action == "verify")
        {
            return await VerifyAsync(parsed, stdout, stderr).ConfigureAwait(false);
        }

        if (parsed.Action == "idle")
        {
            // The gate alone, for pipelines that install by other means (Mender/RAUC state scripts).
            var busy = new SqlitePanelActivity(parsed.Settings.DatabasePath, parsed.Settings.HasStationLink).Read().BusyReason;
            await stdout.WriteLineAsync($"panel-agent: update: {busy ?? "the panel is idle"}").ConfigureAwait(false);
            return busy is null ? UpdateExitCodes.Ok : UpdateExitCodes.PanelBusy;
        }

        if (parsed.Action == "request")
        {
            // The station's update, handed over by the agent (panel-agent-update.path): the same apply, then a result file.
            return await UpdateRequestCommand.RunAsync(parsed, bundle => ApplyAsync(parsed with { Action = "apply", Bundle = bundle }, loggers),
                stdout, stderr, TimeProvider.System).ConfigureAwait(false);
        }

        var result = await ApplyAsync(parsed, loggers).ConfigureAwait(false);
        await (result.ExitCode == UpdateExitCodes.Ok ? stdout : stderr)
            .WriteLineAsync($"panel-agent: update: {result.Report}").ConfigureAwait(false);
        return result.ExitCode;
    }

    private static async Task<UpdateResult> ApplyAsync(UpdateArguments parsed, ILoggerFactory loggers)
    {
        var updater = new Updater(parsed.Settings, Probes(parsed), loggers.CreateLogger("PanelAgent.Update"), PauseHook(parsed.Settings.Root));
        using var stop = new CancellationTokenSource();
        return parsed.Action == "apply"
            ? await updater.ApplyAsync(parsed.Bundle!, stop.Token).ConfigureAwait(false)
            : await updater.RecoverAsync(stop.Token).ConfigureAwait(false);
    }

    private static async Task<int> VerifyAsync(UpdateArguments parsed, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var keys = TrustedKeys.Load(parsed.Settings.KeysDirectory);
            var directory = BundleArchive.IsArchive(parsed.Bundle!)
                ? BundleArchive.Unpack(parsed.Bundle!, Path.Combine(Path.GetTempPath(), $"panelagent-verify-{Environment.ProcessId}"))
                : parsed.Bundle!;
            var bundle = BundleReader.ReadVerified(directory, keys);
            await stdout.WriteLineAsync(
                $"panel-agent: update: {bundle.Manifest.Version} ({bundle.Manifest.Files.Count} files, schema " +
                $"{bundle.Manifest.SchemaVersion}) verified, signed by {bundle.SignedBy}").ConfigureAwait(false);
            return UpdateExitCodes.Ok;
        }
        catch (UpdateRefusedException ex)
        {
            await stderr.WriteLineAsync($"panel-agent: update: refused: {ex.Message}").ConfigureAwait(false);
            return UpdateExitCodes.For(ex.Refusal);
        }
    }

    private static ReleaseProbes Probes(UpdateArguments parsed)
    {
        var time = TimeProvider.System;
        var settings = parsed.Settings;
        return new ReleaseProbes(
            new SqlitePanelActivity(settings.DatabasePath, settings.HasStationLink),
            new SystemdServiceControl(parsed.RestartCommand, parsed.ReadyCommand, s_pollInterval, time),
            new CommandHealthCheck(parsed.HealthCommand, TimeSpan.FromMinutes(1)),
            settings.HasStationLink ? new SqliteStationAck(settings.DatabasePath, s_pollInterval, time) : null);
    }

    private static Func<string, Task>? PauseHook(string root)
    {
        var pauseAt = Environment.GetEnvironmentVariable(PauseVariable);
        if (string.IsNullOrEmpty(pauseAt))
        {
            return null;
        }

        return async step =>
        {
            if (step == pauseAt)
            {
                await File.WriteAllTextAsync(Path.Combine(root, $"paused-at-{step}"), step).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
            }
        };
    }
}
