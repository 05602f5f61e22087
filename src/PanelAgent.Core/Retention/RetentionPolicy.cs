namespace PanelAgent.Core.Retention;

/// <summary>
/// Retention caps of PRIVACY.md P7 and P8, in calendar periods on the panel's clock. Configuration may shorten
/// them, never lengthen them (<see cref="Create"/> refuses longer values).
/// </summary>
public sealed record RetentionPolicy(int ArmLogMaxEntries, int ArmLogMaxMonths, int AlarmHistoryMaxYears)
{
    public const int MaxArmLogEntries = 100;
    public const int MaxArmLogMonths = 3;
    public const int MaxAlarmHistoryYears = 5;

    /// <summary>The access log (issue 5 §3) is kept 12 months: longer than the images it speaks of (P6).</summary>
    public const int AccessLogMonths = 12;

    public static readonly RetentionPolicy Default = new(MaxArmLogEntries, MaxArmLogMonths, MaxAlarmHistoryYears);

    public static RetentionPolicy Create(int armLogEntries, int armLogMonths, int historyYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(armLogEntries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(armLogEntries, MaxArmLogEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(armLogMonths);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(armLogMonths, MaxArmLogMonths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(historyYears);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyYears, MaxAlarmHistoryYears);
        return new RetentionPolicy(armLogEntries, armLogMonths, historyYears);
    }

    /// <summary>Arm/disarm entries at or before this instant are pruned.</summary>
    public DateTimeOffset ArmLogCutoff(DateTimeOffset now) => now.AddMonths(-ArmLogMaxMonths);

    /// <summary>Alarm history entries at or before this instant are pruned.</summary>
    public DateTimeOffset AlarmHistoryCutoff(DateTimeOffset now) => now.AddYears(-AlarmHistoryMaxYears);

    /// <summary>Access-log entries at or before this instant are pruned (the chain keeps an anchor).</summary>
    public static DateTimeOffset AccessLogCutoff(DateTimeOffset now) => now.AddMonths(-AccessLogMonths);
}
