using PanelAgent.Core.Events;

namespace PanelAgent.Core.Ports;

/// <summary>Read side of the logs, for the scenario checks, the demo and the technician tool.</summary>
public interface IPanelLogs
{
    /// <summary>The arm/disarm log, oldest first (at most 100 entries).</summary>
    IReadOnlyList<StoredEvent> ReadArmLog();

    /// <summary>The alarm history (alarms, tamper, trouble, restores), oldest first.</summary>
    IReadOnlyList<StoredEvent> ReadAlarmHistory();

    /// <summary>Events of the durable log with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    IReadOnlyList<StoredEvent> ReadEvents(long afterSequence, int max);
}
