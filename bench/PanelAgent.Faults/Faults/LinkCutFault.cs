namespace PanelAgent.Faults;

/// <summary>
/// The panel's link through the fault proxy: odd cycles cut it (every connection reset, new ones refused), even
/// cycles black-hole it (connections stay open, nothing passes, as a dead route looks to TCP). Then restored.
/// </summary>
internal sealed class LinkCutFault : StormFault
{
    public const string Title = "link cut / black-holed";

    public override string Name => Title;

    protected override Task BreakAsync(FaultRig rig, int cycle)
    {
        if (cycle % 2 == 1)
        {
            rig.Proxy.Down();
        }
        else
        {
            rig.Proxy.Blackhole();
        }

        return Task.CompletedTask;
    }

    protected override Task MendAsync(FaultRig rig, int cycle)
    {
        rig.Proxy.Restore();
        return Task.CompletedTask;
    }
}
