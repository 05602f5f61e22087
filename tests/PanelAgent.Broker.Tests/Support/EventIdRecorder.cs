using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PanelAgent.Broker.Tests.Support;

/// <summary>A logger factory that keeps the EventId and text of every entry, for asserting what the broker did.</summary>
public sealed class EventIdRecorder : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(int Id, string Text)> Entries { get; } = new();

    public bool Logged(int eventId) => Entries.Any(e => e.Id == eventId);

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) => Entries.Enqueue((eventId.Id, formatter(state, exception)));

    public void Dispose()
    {
    }
}
