namespace PanelAgent.Hil.Tests.Rig;

/// <summary>
/// The back-to-back tests wait in real time on a fast clock: they run alone, not beside the CPU-bound simulation
/// scenarios, so the panel's timers fire when due.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RigBackToBackCollection
{
    public const string Name = "rig back-to-back";
}
