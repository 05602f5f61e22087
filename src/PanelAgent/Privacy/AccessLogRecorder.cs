using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;

namespace PanelAgent.Privacy;

/// <summary>
/// Copies the engine's code changes and lock-outs into the access log (issue 5 §3). Runs as an engine observer, so it
/// does one quick append and never throws (IAccessLog's contract).
/// </summary>
public sealed class AccessLogRecorder(IAccessLog accessLog)
{
    public void OnEvent(PanelEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var action = e.Kind switch
        {
            EventKinds.CodeChanged => AccessActions.CodeChanged,
            EventKinds.CodeLockout => AccessActions.CodeLockout,
            _ => null,
        };
        if (action is not null)
        {
            accessLog.Append(new AccessEntry(e.At, "panel", action, e.User is { } user ? Redaction.User(user) : null, e.Detail));
        }
    }
}
