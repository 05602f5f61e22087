using PanelAgent.Core.Events;

namespace PanelAgent.Storage.Serialization;

/// <summary>How values are written to columns. One place, so every table agrees.</summary>
internal static class StorageFormat
{
    public const string ArmDisarm = "arm_disarm";
    public const string AlarmHistory = "alarm_history";
    public const string Operational = "operational";

    /// <summary>
    /// Instants are stored as UTC unix milliseconds (INTEGER): compact, indexable, compared as numbers, and readable
    /// with <c>datetime(at_utc / 1000, 'unixepoch')</c>. Sub-millisecond ticks are dropped.
    /// </summary>
    public static long ToUnixMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>Categories are stored as text, not enum ordinals, so reordering the enum cannot re-file old rows.</summary>
    public static string CategoryText(EventCategory category) => category switch
    {
        EventCategory.ArmDisarm => ArmDisarm,
        EventCategory.AlarmHistory => AlarmHistory,
        EventCategory.Operational => Operational,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown event category"),
    };
}
