namespace PanelAgent.Update;

/// <summary>How an update or a recovery ended: the exit code, the slot that runs now, and a one-line report.</summary>
public sealed record UpdateResult(int ExitCode, string? Slot, string Report);
