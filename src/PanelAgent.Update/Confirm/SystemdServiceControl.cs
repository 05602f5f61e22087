namespace PanelAgent.Update.Confirm;

/// <summary>
/// <c>systemctl restart panel-agent.service</c>, then <c>systemctl is-active --quiet</c> until it says active: with
/// <c>Type=notify</c> systemd reports "activating" until the agent sends READY=1, so "active" is READY. Both command
/// lines are configurable (tests substitute their own; a rig may use another service manager).
/// </summary>
public sealed class SystemdServiceControl(
    string restartCommand, string readyCommand, TimeSpan pollInterval, TimeProvider time) : IServiceControl
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(90);

    public async Task<string?> RestartAsync(CancellationToken cancellationToken)
    {
        var result = await CommandRunner.RunAsync(restartCommand, s_commandTimeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : $"'{restartCommand}' exited {result.ExitCode}: {result.Output}";
    }

    public async Task<bool> WaitReadyAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + deadline;
        while (true)
        {
            var result = await CommandRunner.RunAsync(readyCommand, s_commandTimeout, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return true;
            }

            if (time.GetUtcNow() >= until)
            {
                return false;
            }

            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
