using PanelAgent.Core.Engine;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Runtime;
using PanelAgent.Update.Requests;

namespace PanelAgent.Link;

/// <summary>
/// Reports how a station-requested update ended (issue 6 §2): the root updater writes <c>result.json</c> when it is
/// done — after the restart into the new release and its confirmation, or after the rollback — and whichever release
/// runs then finds it here and raises a second answer to the same command id, through the outbox like any event:
/// <c>command.accepted update:ID:installed:BUNDLE</c> or <c>command.refused update:ID:OUTCOME:BUNDLE</c>.
/// </summary>
public sealed partial class UpdateResultService(
    UpdateRequests requests, RuntimeHolder holder, TimeProvider time, ILogger<UpdateResultService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Takes a waiting result and raises its answer; false when there was none (or no panel yet).</summary>
    public static bool TryReport(UpdateRequests requests, PanelRuntime? runtime)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (runtime is null || !File.Exists(requests.ResultPath))
        {
            return false;
        }

        if (UpdateRequestFiles.TakeResult(requests.ResultPath) is not { } result || !Protocol.Envelopes.PanelIds.IsValid(result.Id))
        {
            return false; // unreadable: deleted, and the station sees no second answer (its command timed out)
        }

        var bundle = UpdateRequestFiles.IsValidBundleName(result.Bundle) ? ":" + result.Bundle : "";
        var outcome = UpdateRequestFiles.Outcome(result.ExitCode);
        runtime.Panel.Handle(new StationCommandAnswered(result.ExitCode == 0, $"{CommandNames.Update}:{result.Id}:{outcome}{bundle}"));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            do
            {
                try
                {
                    if (TryReport(requests, holder.Runtime))
                    {
                        Reported(logger);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    ReportFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(9300, LogLevel.Information, "A requested update's result was reported to the station")]
    private static partial void Reported(ILogger logger);

    [LoggerMessage(9301, LogLevel.Warning, "A requested update's result could not be read; retrying")]
    private static partial void ReportFailed(ILogger logger, Exception exception);
}
