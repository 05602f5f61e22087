namespace PanelAgent.Bench;

/// <summary>Who drains the input pump in the instrumented wiring.</summary>
internal enum PumpMode
{
    /// <summary><c>Pump.RunAsync</c> on the thread pool, as the host runs it.</summary>
    Loop,

    /// <summary>A thread of its own, woken by the sink the inputs post to (what a dedicated pump thread would cost).</summary>
    DedicatedThread,

    /// <summary>The toggling thread calls <c>ProcessPending</c> itself: no hand-over at all (the floor).</summary>
    Inline,
}
