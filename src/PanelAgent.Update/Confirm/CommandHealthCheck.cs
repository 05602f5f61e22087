namespace PanelAgent.Update.Confirm;

/// <summary>A health check that is a command (default <c>panelctl selftest</c>): exit 0 is healthy.</summary>
public sealed class CommandHealthCheck(string command, TimeSpan timeout) : IHealthCheck
{
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var result = await CommandRunner.RunAsync(command, timeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : $"'{command}' exited {result.ExitCode}: {result.Output}";
    }
}
