namespace PanelAgent.Privacy;

/// <summary>
/// Deletes privacy exports older than <see cref="PrivacyExportFiles.MaxAge"/>, at start and hourly: pruning only when
/// the next export is written would keep a household's names on the panel for as long as nobody asks again.
/// </summary>
public sealed partial class ExportRetentionService(PrivacyExportFiles exports, TimeProvider time, ILogger<ExportRetentionService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            PruneNow();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass; the number of exports deleted. Never throws for the file system.</summary>
    internal int PruneNow()
    {
        try
        {
            var deleted = exports.Prune();
            if (deleted > 0)
            {
                Pruned(logger, deleted);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            PruneFailed(logger, ex); // tried again within the hour
            return 0;
        }
    }

    [LoggerMessage(6270, LogLevel.Information, "Deleted {Count} privacy export(s) past their 30 days")]
    private static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(6271, LogLevel.Warning, "Privacy exports could not be pruned; retrying within the hour")]
    private static partial void PruneFailed(ILogger logger, Exception exception);
}
