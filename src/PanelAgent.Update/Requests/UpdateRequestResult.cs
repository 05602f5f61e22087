namespace PanelAgent.Update.Requests;

/// <summary>How a requested update ended, written by the root updater for the agent to report as an event.</summary>
/// <param name="Id">The station command's id, echoed from the request.</param>
/// <param name="Bundle">The bundle's name, echoed from the request.</param>
/// <param name="ExitCode">The exit code of <c>panel-agent update apply</c> (docs/release.md).</param>
/// <param name="Outcome">A short word per exit code (<see cref="UpdateRequestFiles.Outcome"/>).</param>
/// <param name="Report">The updater's one-line report (stays on the panel: the answer carries the outcome only).</param>
/// <param name="At">When the updater finished.</param>
public sealed record UpdateRequestResult(string Id, string Bundle, int ExitCode, string Outcome, string Report, DateTimeOffset At);
