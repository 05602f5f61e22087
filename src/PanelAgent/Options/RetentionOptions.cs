using PanelAgent.Core.Retention;

namespace PanelAgent.Options;

/// <summary>Retention (P7, P8): may be shortened, never lengthened beyond the caps.</summary>
public sealed class RetentionOptions
{
    public int ArmLogEntries { get; set; } = RetentionPolicy.MaxArmLogEntries;

    public int ArmLogMonths { get; set; } = RetentionPolicy.MaxArmLogMonths;

    public int AlarmHistoryYears { get; set; } = RetentionPolicy.MaxAlarmHistoryYears;
}
