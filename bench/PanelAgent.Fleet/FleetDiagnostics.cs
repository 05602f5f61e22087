using Microsoft.Extensions.Logging;

namespace PanelAgent.Fleet;

/// <summary>
/// The panels' link log, reduced for thousands of panels: warnings and errors are counted by event id, and the first
/// few of each are kept to explain a figure (a connect that timed out, a rejected ack). Nothing else is kept.
/// </summary>
internal sealed class FleetDiagnostics
{
    private const int KeptPerEvent = 3;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, (long Count, List<string> Samples)> _events = [];

    public ILogger<T> For<T>(string panelId) => new PanelLogger<T>(this, panelId);

    /// <summary>One line per event id: count and the kept samples.</summary>
    public IReadOnlyList<string> Summary()
    {
        lock (_lock)
        {
            return [.. _events.OrderBy(e => e.Key).Select(e => $"{e.Value.Count} x event {e.Key}: {string.Join(" | ", e.Value.Samples)}")];
        }
    }

    private void Record(int eventId, string text)
    {
        lock (_lock)
        {
            if (!_events.TryGetValue(eventId, out var entry))
            {
                entry = (0, []);
            }

            if (entry.Samples.Count < KeptPerEvent)
            {
                entry.Samples.Add(text);
            }

            _events[eventId] = (entry.Count + 1, entry.Samples);
        }
    }

    private sealed class PanelLogger<T>(FleetDiagnostics owner, string panelId) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Record(eventId.Id, $"{panelId}: {formatter(state, exception)}");
            }
        }
    }
}
