using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PanelAgent.Bench;

/// <summary>
/// The station's stdout, in-process: stamps each JSON line of the bench zone as it is written (the station writes it
/// after its commit, before its ack) and lets the benchmark wait for the n-th. The end point of the latency figure.
/// </summary>
internal sealed class StationLines(string zone) : TextWriter
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _line = new();
    private readonly SemaphoreSlim _signal = new(0);
    private long _count;
    private long _lastAt;

    public override Encoding Encoding => Encoding.UTF8;

    public long Count => Interlocked.Read(ref _count);

    public override void Write(char value)
    {
        if (value != '\n')
        {
            _line.Append(value);
            return;
        }

        var at = Stopwatch.GetTimestamp();
        var text = _line.ToString();
        _line.Clear();
        using var json = JsonDocument.Parse(text);
        if (json.RootElement.TryGetProperty("zone", out var z) && z.GetString() == zone)
        {
            Volatile.Write(ref _lastAt, at);
            Interlocked.Increment(ref _count);
            _signal.Release();
        }
    }

    /// <summary>Runs <paramref name="edge"/> and waits for the next line; milliseconds from before the edge to the line.</summary>
    public double TimeOne(Action edge)
    {
        var expected = Count + 1;
        var start = Stopwatch.GetTimestamp();
        edge();
        WaitFor(expected);
        return Stats.Ms(start, Volatile.Read(ref _lastAt));
    }

    public void WaitFor(long count)
    {
        while (Count < count)
        {
            if (!_signal.Wait(s_timeout))
            {
                throw new InvalidOperationException($"station printed {Count} bench-zone lines in {s_timeout}, expected {count}");
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signal.Dispose();
        }

        base.Dispose(disposing);
    }
}
