using PanelAgent.Core.Events;
using PanelAgent.TestSupport;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Services;

/// <summary>Link trouble never stops the panel: no broker at all, and panel-agent runs, raises trouble.comms, and stops cleanly.</summary>
[Collection(AgentProcessCollection.Name)]
public sealed class LinkServiceUnreachableTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task RunAsync_NoBroker_PanelRunsRaisesCommsTroubleAndExitsCleanly()
    {
        using var pki = new TestPki();
        using var rig = new LinkRig(pki);
        var config = rig.Config(MosquittoBroker.FreePort()); // nobody listens there
        config["Uplink"]!["CommsTroubleAfter"] = "00:00:01";
        SimVilla.Zone(config, "mains")["Debounce"] = "00:00:00";
        var configPath = SimVilla.Write(config, _dir.Combine("panel.json"));
        var data = _dir.Combine("data");

        using (var agent = AgentProcess.Start(_dir.FullPath,
            ["--config", configPath, "--simulate", "--data", data, "--storm", "mains", "--storm-interval", "200"]))
        {
            await agent.WaitForLineAsync(AgentProgramTests.IsReadyLine, s_timeout);
            await agent.WaitForLineAsync(l => l.Contains("Communications trouble:", StringComparison.Ordinal), s_timeout);
            agent.Terminate();
            Assert.Equal(ExitCodes.Ok, await agent.WaitForExitAsync(s_timeout));
        }

        var events = DatabaseSnapshot.Read(Path.Combine(data, "panel.db")).Events;
        Assert.Contains(events, e => e.Kind == EventKinds.Trouble(TroubleKinds.Comms));
        Assert.Contains(events, e => e.Zone == "mains"); // the storm went on being handled while the link was down
    }

    public void Dispose() => _dir.Dispose();
}
