using PanelAgent.Cli.Tests.Support;
using PanelAgent.Core.Zones;

namespace PanelAgent.Cli.Tests;

/// <summary>
/// Every panelctl command in both formats against sim-villa with a synthetic household, compared with golden files;
/// and no code or name of the household in any default (table) output.
/// </summary>
public sealed class GoldenOutputTests
{
    public static TheoryData<string, string[]> Commands => new()
    {
        { "status", ["status"] },
        { "zones", ["zones"] },
        { "events", ["events"] },
        { "events-arm", ["events", "--log", "arm"] },
        { "events-alarm-kitchen", ["events", "--log", "alarm", "--zone", "kitchen-smoke", "--kind", "alarm."] },
        { "users", ["users"] },
        { "selftest", ["selftest"] },
        { "logs", ["logs", "--lines", "10"] },
        { "link-test", ["link-test"] },
        { "camera-test", ["camera-test"] },
        { "privacy-restrict", ["privacy", "restrict"] },
        { "privacy-lift", ["privacy", "lift"] },
        { "privacy-erase", ["privacy", "erase", "--yes"] },
        { "audit-verify", ["audit", "verify"] },
        { "config-validate", ["config", "validate", DiagnosticsHarness.ConfigPath] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_DefaultFormat_MatchesGoldenAndShowsNoPersonalData(string name, string[] args)
    {
        await using var harness = Seeded();

        var run = await harness.RunAsync(args);

        AssertNoPersonalData(run);
        Golden.Check(name, Golden.Render(run, harness.Directory));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_Json_MatchesGolden(string name, string[] args)
    {
        await using var harness = Seeded();

        var run = await harness.RunAsync([.. args, "--json"]);

        AssertNoPersonalData(run);
        Golden.Check(name + ".json", Golden.Render(run, harness.Directory));
    }

    [Fact]
    public async Task LinkAndCameraTest_NotConfigured_SayItWithExitCode4()
    {
        await using var harness = DiagnosticsHarness.Start();

        var link = await harness.RunAsync("link-test");
        var camera = await harness.RunAsync("camera-test", "--json");

        Golden.Check("link-test-not-configured", Golden.Render(link, harness.Directory));
        Golden.Check("camera-test-not-configured.json", Golden.Render(camera, harness.Directory));
    }

    [Fact]
    public async Task PrivacyExport_ToFile_ScreenShowsCountsFileHoldsTheLabel()
    {
        await using var harness = Seeded();
        var file = Path.Combine(harness.Directory, "export.json");

        var run = await harness.RunAsync("privacy", "export", "--out", file);

        AssertNoPersonalData(run);
        Golden.Check("privacy-export", Golden.Render(run, harness.Directory));
        var document = await File.ReadAllTextAsync(file);
        Assert.Contains(SyntheticHousehold.Label, document, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticHousehold.LabelledCode, document, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", document, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(file));
    }

    [Theory]
    [InlineData("config-invalid", false)]
    [InlineData("config-invalid.json", true)]
    public async Task ConfigValidate_BadFile_EachErrorWithItsJsonPath(string name, bool json)
    {
        await using var harness = DiagnosticsHarness.Start();
        var text = (await File.ReadAllTextAsync(DiagnosticsHarness.ConfigPath))
            .Replace("\"EntryDelay\": \"00:00:30\"", "\"EntryDelay\": \"00:05:00\"", StringComparison.Ordinal)
            .Replace("\"Type\": \"perimeter\"", "\"Type\": \"window\"", StringComparison.Ordinal);
        var file = Path.Combine(harness.Directory, "bad.json");
        await File.WriteAllTextAsync(file, text);

        var run = await harness.RunAsync(json ? ["config", "validate", file, "--json"] : ["config", "validate", file]);

        Assert.Equal(CliExitCodes.ConfigInvalid, run.ExitCode);
        Assert.Contains("$.Panel.EntryDelay", run.Stdout, StringComparison.Ordinal);
        Golden.Check(name, Golden.Render(run, harness.Directory));
    }

    [Theory]
    [InlineData("walk-test", false)]
    [InlineData("walk-test.json", true)]
    public async Task WalkTest_TripsReportedLive_EndsByItselfWithoutAlarm(string name, bool json)
    {
        await using var harness = Seeded();
        var kindsBefore = harness.Runtime.Store.ReadAlarmHistory().Count;
        var (run, done) = harness.Launch("", json ? ["walk-test", "--duration", "60", "--json"] : ["walk-test", "--duration", "60"]);
        await WaitForAsync(run, "started");

        harness.SetZone("front-door", ZoneCondition.Active);
        harness.SetZone("front-door", ZoneCondition.Normal);
        harness.SetZone("hall-pir", ZoneCondition.Active);
        await WaitForAsync(run, "hall-pir");
        harness.Advance(TimeSpan.FromSeconds(60));
        await done.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(kindsBefore, harness.Runtime.Store.ReadAlarmHistory().Count);
        Golden.Check(name, Golden.Render(run, harness.Directory));
    }

    internal static async Task WaitForAsync(CliRun run, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!run.Stdout.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(timeout.IsCancellationRequested, $"'{text}' never appeared; stdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private static DiagnosticsHarness Seeded()
    {
        var harness = DiagnosticsHarness.Start(new FakeLinkDiagnostics(acknowledged: true), new FakeCameraDiagnostics());
        harness.SeedHousehold();
        return harness;
    }

    private static void AssertNoPersonalData(CliRun run)
    {
        foreach (var secret in SyntheticHousehold.Secrets)
        {
            Assert.DoesNotContain(secret, run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, run.Stderr, StringComparison.Ordinal);
        }
    }
}
