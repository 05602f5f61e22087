namespace PanelAgent.Diagnostics;

/// <summary>
/// Keeps the agent's last log lines in memory for <c>panelctl logs</c>, so a technician sees them without journal
/// access. Lines are what the agent already logs (no code, name or phone number by the house rules); an exception
/// contributes its type and message only, never a stack or data.
/// </summary>
public sealed class RingLoggerProvider(TimeProvider time, int capacity = RingLoggerProvider.DefaultCapacity) : ILoggerProvider
{
    public const int DefaultCapacity = 500;

    private readonly Queue<RingLogLine> _lines = new();
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new RingLogger(this, ShortCategory(categoryName));

    /// <summary>The newest <paramref name="max"/> lines at or above <paramref name="minimum"/>, oldest first.</summary>
    public IReadOnlyList<RingLogLine> Read(int max, LogLevel minimum = LogLevel.Trace)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Level >= minimum).TakeLast(max)];
        }
    }

    public void Dispose()
    {
    }

    private void Add(RingLogLine line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    private static string ShortCategory(string category) =>
        category.LastIndexOf('.') is var dot and >= 0 ? category[(dot + 1)..] : category;

    private sealed class RingLogger(RingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message = $"{message} ({exception.GetType().Name}: {exception.Message})";
            }

            owner.Add(new RingLogLine(owner.Now(), logLevel, category, eventId.Id, message));
        }
    }

    private DateTimeOffset Now() => time.GetUtcNow();
}

/// <summary>One remembered log line.</summary>
public sealed record RingLogLine(DateTimeOffset At, LogLevel Level, string Category, int EventId, string Message);
