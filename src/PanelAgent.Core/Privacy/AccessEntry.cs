namespace PanelAgent.Core.Privacy;

/// <summary>
/// One access-log entry. <paramref name="Actor"/> is who acted (<c>panel</c>, <c>station</c>, <c>technician:&lt;uid&gt;</c>);
/// <paramref name="Action"/> one of <see cref="AccessActions"/>; <paramref name="Subject"/> what it concerned (an alarm id,
/// an image id, a user number); <paramref name="Detail"/> a short reason or count. No personal data in any field.
/// </summary>
public sealed record AccessEntry(DateTimeOffset At, string Actor, string Action, string? Subject = null, string? Detail = null);
