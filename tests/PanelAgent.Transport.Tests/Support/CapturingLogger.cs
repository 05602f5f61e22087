using Microsoft.Extensions.Logging;

namespace PanelAgent.Transport.Tests.Support;

/// <summary>Keeps the supervisor's log lines and lets a test await a given EventId instead of sleeping.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(int EventId, string Message)> _lines = [];
    private readonly List<(int EventId, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<(int EventId, string Message)> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Completes when a line with <paramref name="eventId"/> is (or was) logged.</summary>
    public Task WhenLoggedAsync(int eventId)
    {
        lock (_lines)
        {
            if (_lines.Any(l => l.EventId == eventId))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, signal));
            return signal.Task;
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add((eventId.Id, formatter(state, exception)));
            foreach (var waiter in _waiters.Where(w => w.EventId == eventId.Id).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
