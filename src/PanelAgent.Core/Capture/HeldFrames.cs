namespace PanelAgent.Core.Capture;

/// <summary>
/// Sabotage-check frames on the panel waiting for the disarm's verdict (P3). <paramref name="DisarmSeen"/>: the panel
/// was disarmed; unless an <c>alarm.duress</c> of the same commit follows, the next clock advance discards them.
/// </summary>
public sealed record HeldFrames(long AlarmSeq, bool DisarmSeen);
