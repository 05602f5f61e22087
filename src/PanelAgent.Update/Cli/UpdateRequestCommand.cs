using PanelAgent.Update.Requests;

namespace PanelAgent.Update.Cli;

/// <summary>
/// <c>panel-agent update request</c>, run as root by <c>panel-agent-update.service</c> when the agent has handed over
/// a station's <c>update</c> command. The request file is the (non-root) agent's: it is consumed first, checked
/// again (a plain bundle name; the bundle inside <c>--bundles</c>, links leading out refused), then the bundle goes
/// through the whole <c>apply</c> (signature, hashes, version, schema, the moment, confirm, rollback). The outcome
/// goes to <c>result.json</c> for the agent to report. Exit: the apply's code; 0 when there was nothing to do.
/// </summary>
public static class UpdateRequestCommand
{
    public static async Task<int> RunAsync(UpdateArguments parsed, Func<string, Task<UpdateResult>> apply, TextWriter stdout, TextWriter stderr,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(time);
        var folder = new DirectoryInfo(parsed.RequestDirectory);
        if (folder.LinkTarget is not null)
        {
            await stderr.WriteLineAsync("panel-agent: update: the request folder is a link; ignored").ConfigureAwait(false);
            return UpdateExitCodes.Usage;
        }

        var request = UpdateRequestFiles.Take(Path.Combine(parsed.RequestDirectory, UpdateRequestFiles.RequestFile));
        if (request is null)
        {
            await stdout.WriteLineAsync("panel-agent: update: no readable request").ConfigureAwait(false);
            return UpdateExitCodes.Ok;
        }

        var bundle = UpdateRequestFiles.Resolve(parsed.BundleDirectory, request.Bundle);
        var result = bundle is null
            ? new UpdateResult(UpdateExitCodes.Usage, null, $"bundle '{Printable(request.Bundle)}' is not a bundle in {parsed.BundleDirectory}")
            : await apply(bundle).ConfigureAwait(false);
        await (result.ExitCode == UpdateExitCodes.Ok ? stdout : stderr)
            .WriteLineAsync($"panel-agent: update: request {Printable(request.Id)}: {result.Report}").ConfigureAwait(false);
        UpdateRequestFiles.Write(Path.Combine(parsed.RequestDirectory, UpdateRequestFiles.ResultFile),
            new UpdateRequestResult(request.Id, request.Bundle, result.ExitCode, UpdateRequestFiles.Outcome(result.ExitCode),
                result.Report, time.GetUtcNow()));
        return result.ExitCode;
    }

    /// <summary>The agent's strings reach root's journal only as plain, short text.</summary>
    private static string Printable(string? text) =>
        new([.. (text ?? "").Take(64).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '?')]);
}
