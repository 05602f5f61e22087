using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;

namespace PanelAgent.Capture;

/// <summary>
/// Stands in until the hash-chained access log (issue 5) is registered as <see cref="IAccessLog"/>: the capture code
/// always appends, so wiring the real log is one registration.
/// </summary>
public sealed class NoAccessLog : IAccessLog
{
    public static readonly NoAccessLog Instance = new();

    public void Append(AccessEntry entry)
    {
    }
}
