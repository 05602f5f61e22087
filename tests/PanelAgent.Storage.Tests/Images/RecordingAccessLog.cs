using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;

namespace PanelAgent.Storage.Tests.Images;

/// <summary>An in-memory access log (the real, hash-chained one is the panelctl work's).</summary>
internal sealed class RecordingAccessLog : IAccessLog
{
    private readonly List<AccessEntry> _entries = [];

    public IReadOnlyList<AccessEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public void Append(AccessEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}
