using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Targets;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Targets;

/// <summary>
/// Every scenario of hardware/scenarios against the real engine, storage and adapters on the simulated board:
/// the contract the demo, CI and the rig share.
/// </summary>
public class SimulationTargetTests
{
    private static string Villa => RepoPaths.Find(Path.Combine("hardware", "panels", "sim-villa.json"));

    public static TheoryData<string> Scenarios() =>
        [.. Directory.GetFiles(RepoPaths.Find(Path.Combine("hardware", "scenarios")), "*.json")
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task RunAsync_ScenarioOnSimulatedVilla_EveryStepHolds(string file)
    {
        var path = Path.Combine(RepoPaths.Find(Path.Combine("hardware", "scenarios")), file);
        var scenario = ScenarioLoader.Load(path, Path.GetDirectoryName(Villa)!);

        var result = await new ScenarioRunner().RunAsync(scenario, new SimulationTargetFactory(), CancellationToken.None);

        var failed = result.Steps.FirstOrDefault(s => s.Outcome != StepOutcome.Passed);
        Assert.True(result.Passed, result.SetupError ?? $"step {failed?.Step.Number} {failed?.Step.Summary}: {failed?.Message}");
    }

    [Fact]
    public async Task SetZoneAsync_UnknownZone_Throws()
    {
        await using var target = SimulationTarget.Start(Villa);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            target.SetZoneAsync("garage", ZoneCondition.Active, CancellationToken.None));
    }

    [Fact]
    public async Task RestartAsync_HardWhileArmed_ResumesArmedAndAlarms()
    {
        await using var target = SimulationTarget.Start(Villa);
        await target.ArmAsync(ArmMode.Away, "258013", [], CancellationToken.None);
        await target.AdvanceAsync(TimeSpan.FromSeconds(31), CancellationToken.None);

        await target.RestartAsync(hard: true, CancellationToken.None);
        await target.SetZoneAsync("living-room-window", ZoneCondition.Active, CancellationToken.None);

        Assert.Equal("alarm", await target.ReadFigureAsync("state", CancellationToken.None));
        Assert.Equal("on", await target.ReadFigureAsync("siren", CancellationToken.None));
    }

    [Fact]
    public async Task ReadFigureAsync_UnknownFigure_IsNull()
    {
        await using var target = SimulationTarget.Start(Villa);

        Assert.Null(await target.ReadFigureAsync("bogus.count", CancellationToken.None));
    }

    [Fact]
    public async Task ArmAsync_WrongCode_DoesNotArmAndIsNotAnEventOfItsOwn()
    {
        await using var target = SimulationTarget.Start(Villa);

        await target.ArmAsync(ArmMode.Away, "111111", [], CancellationToken.None);

        Assert.Equal("disarmed", await target.ReadFigureAsync("state", CancellationToken.None));
        Assert.Empty(target.Events);
    }
}
