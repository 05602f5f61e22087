using System.CommandLine;

namespace PanelAgent.Cli;

/// <summary>
/// panelctl's entry: parse (an unknown command or option is a usage error, exit 64, before anything connects), run
/// the action, and turn every failure into one line on stderr and its documented exit code.
/// </summary>
public static class PanelCtl
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input,
        CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, input);
        var root = CommandTree.Build(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"panelctl: {problem.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("usage: panelctl [command] [options]; 'panelctl --help' lists the commands").ConfigureAwait(false);
            return CliExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"panelctl: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"panelctl: the connection to panel-agent failed: {ex.Message}").ConfigureAwait(false);
            return CliExitCodes.Unavailable;
        }
    }
}
