namespace PanelAgent.Storage.Images;

/// <summary>Where the encrypted images live, how long they are kept and how much room they may take (P6).</summary>
public sealed class ImageStoreOptions
{
    /// <summary>P6: verification images are deleted after 7 days. Configuration may shorten it, never lengthen it.</summary>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(7);

    /// <summary>P6: a police hold keeps one alarm's images at most 30 days from capture.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromDays(30);

    public const long MinQuotaBytes = 1L << 20;

    /// <summary>The directory of the ciphertext files; created (mode 0700) when missing. Empty in the configuration
    /// means <c>images/</c> beside the database.</summary>
    public string Directory { get; set; } = "";

    public TimeSpan Retention { get; set; } = MaxRetention;

    /// <summary>Bytes of ciphertext kept at most; beyond it the oldest images not on hold are deleted.</summary>
    public long QuotaBytes { get; set; } = 256L << 20;

    /// <summary>Every problem, each naming its field under <paramref name="section"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory) || !Path.IsPathFullyQualified(Directory))
        {
            errors.Add($"{section}:{nameof(Directory)}: must be an absolute path, got '{Directory}'.");
        }

        if (Retention <= TimeSpan.Zero || Retention > MaxRetention)
        {
            errors.Add($"{section}:{nameof(Retention)}: must be more than 0 and at most {MaxRetention.TotalDays} days (P6), got {Retention}.");
        }

        if (QuotaBytes < MinQuotaBytes)
        {
            errors.Add($"{section}:{nameof(QuotaBytes)}: must be at least {MinQuotaBytes}, got {QuotaBytes}.");
        }

        return errors;
    }
}
