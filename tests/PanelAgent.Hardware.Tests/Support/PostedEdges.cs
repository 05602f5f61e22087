using System.Collections.Concurrent;
using NSubstitute;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;

namespace PanelAgent.Hardware.Tests.Support;

/// <summary>
/// An NSubstitute <see cref="IInputSink"/> that records what is posted, and lets a test wait (with a timeout, never a
/// sleep) for edges posted from a background reader.
/// </summary>
internal sealed class PostedEdges
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<InputEdge> _edges = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public PostedEdges()
    {
        Sink = Substitute.For<IInputSink>();
        Sink.When(s => s.Post(Arg.Any<InputEdge>())).Do(call => Add(call.Arg<InputEdge>()));
    }

    public IInputSink Sink { get; }

    public IReadOnlyList<InputEdge> All => [.. _edges];

    /// <summary>Completes once at least <paramref name="count"/> edges were posted; fails after 5 s.</summary>
    public async Task<IReadOnlyList<InputEdge>> WaitForAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_edges.Count >= count)
            {
                return All;
            }

            _waiters.Add((count, done));
        }

        await done.Task.WaitAsync(s_timeout);
        return All;
    }

    private void Add(InputEdge edge)
    {
        lock (_gate)
        {
            _edges.Enqueue(edge);
            foreach ((int count, TaskCompletionSource done) in _waiters.Where(w => _edges.Count >= w.Count))
            {
                done.TrySetResult();
            }
        }
    }
}
