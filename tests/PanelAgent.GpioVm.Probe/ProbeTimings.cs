namespace PanelAgent.GpioVm.Probe;

/// <summary>
/// Debounce times and waits of the probe. Generous on purpose: without KVM the VM runs under TCG, several times slower,
/// and a check must fail only when the adapter is wrong, never because the emulator was slow.
/// </summary>
/// <param name="Debounce">Debounce of the zones for edges, levels and sustained changes.</param>
/// <param name="LongDebounce">Debounce of the chatter and pulse zones: the burst and the pulse must fit well inside it.</param>
public sealed record ProbeTimings(TimeSpan Debounce, TimeSpan LongDebounce)
{
    /// <summary>The defaults: 100 ms and 600 ms (the chatter burst took up to 330 ms under TCG on a loaded host).</summary>
    public static ProbeTimings Default { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(600));

    /// <summary>How long to wait for something that should happen (an edge, a confirmed change).</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(3) + (LongDebounce * 2);

    /// <summary>How long to keep watching after a change so that a second, wrong change would be seen.</summary>
    public TimeSpan Settle => LongDebounce * 2;

    /// <summary>The pulse: a quarter of the long debounce.</summary>
    public TimeSpan PulseWidth => LongDebounce / 4;
}
