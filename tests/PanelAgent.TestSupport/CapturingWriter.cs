using System.Text;

namespace PanelAgent.TestSupport;

/// <summary>A TextWriter that keeps whole lines and lets a test wait for a number of them.</summary>
public sealed class CapturingWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _current = new();
    private readonly List<string> _lines = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get { lock (_lock) { return [.. _lines]; } }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            if (value == '\n')
            {
                _lines.Add(_current.ToString());
                _current.Clear();
                foreach (var waiter in _waiters.Where(w => _lines.Count >= w.Count).ToList())
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
            else if (value != '\r')
            {
                _current.Append(value);
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> lines were written.</summary>
    public Task WhenLinesAsync(int count)
    {
        lock (_lock)
        {
            if (_lines.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }
}
