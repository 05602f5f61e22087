using Microsoft.Extensions.Time.Testing;
using PanelAgent.Update.Cli;
using PanelAgent.Update.Requests;
using PanelAgent.Update.Safety;
using PanelAgent.Update.Tests.Support;

namespace PanelAgent.Update.Tests.Requests;

/// <summary>
/// The root side of a station-triggered update: the agent's request file is consumed, checked again (no path out of
/// the bundle folder), applied by the real updater, and the outcome written for the agent to report.
/// </summary>
public sealed class UpdateRequestCommandTests : IDisposable
{
    private readonly UpdateRig _rig = new();
    private readonly TempDirectory _handOver = new();
    private readonly FakeServiceControl _service = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly List<string> _applied = [];
    private PanelActivity _activity = PanelActivity.Idle;

    [Fact]
    public async Task Run_GoodBundleByName_InstallsAndWritesAnInstalledResult()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        Request("c-u1", Path.GetFileName(bundle));

        var exit = await RunAsync(Path.GetDirectoryName(bundle)!);

        Assert.Equal(UpdateExitCodes.Ok, exit);
        Assert.Equal([bundle], _applied);
        Assert.Equal("b", _rig.Slots.CurrentSlot());
        Assert.False(File.Exists(_handOver.Combine(UpdateRequestFiles.RequestFile)));
        var result = UpdateRequestFiles.TakeResult(_handOver.Combine(UpdateRequestFiles.ResultFile))!;
        Assert.Equal(("c-u1", 0, "installed", _time.GetUtcNow()), (result.Id, result.ExitCode, result.Outcome, result.At));
    }

    [Theory]
    [InlineData("../1")]
    [InlineData("..")]
    [InlineData("/etc")]
    [InlineData("1/../../opt")]
    [InlineData(".hidden")]
    [InlineData("missing")]
    public async Task Run_NameOutsideTheBundleFolder_IsNeverApplied(string name)
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        Request("c-u2", name);

        var exit = await RunAsync(Path.GetDirectoryName(bundle)!);

        Assert.Equal(UpdateExitCodes.Usage, exit);
        Assert.Empty(_applied);
        Assert.Equal("a", _rig.Slots.CurrentSlot());
        Assert.Equal("bad-request", UpdateRequestFiles.TakeResult(_handOver.Combine(UpdateRequestFiles.ResultFile))!.Outcome);
    }

    [Fact]
    public async Task Run_LinkLeadingOutOfTheBundleFolder_IsRefused()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        var folder = _handOver.Combine("bundles");
        Directory.CreateDirectory(folder);
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), bundle); // a genuine bundle, but outside
        Request("c-u3", "linked");

        var exit = await RunAsync(folder);

        Assert.Equal(UpdateExitCodes.Usage, exit);
        Assert.Empty(_applied);
    }

    [Fact]
    public async Task Run_PanelArmed_RefusedRetryLaterAndReported()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        _activity = new PanelActivity(Armed: true, InAlarm: false, TransmittingAlarm: false);
        Request("c-u4", Path.GetFileName(bundle));

        var exit = await RunAsync(Path.GetDirectoryName(bundle)!);

        Assert.Equal(UpdateExitCodes.PanelBusy, exit);
        Assert.Equal("a", _rig.Slots.CurrentSlot());
        var result = UpdateRequestFiles.TakeResult(_handOver.Combine(UpdateRequestFiles.ResultFile))!;
        Assert.Equal(("panel-busy", 75), (result.Outcome, result.ExitCode));
    }

    [Fact]
    public async Task Run_TamperedBundle_RefusedAsIntegrity()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        BundleBuilder.FlipByte(Path.Combine(bundle, "panel-agent"));
        Request("c-u5", Path.GetFileName(bundle));

        var exit = await RunAsync(Path.GetDirectoryName(bundle)!);

        Assert.Equal(UpdateExitCodes.Integrity, exit);
        Assert.Equal("integrity", UpdateRequestFiles.TakeResult(_handOver.Combine(UpdateRequestFiles.ResultFile))!.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{not json")]
    public async Task Run_NoOrMalformedRequest_DoesNothingAndConsumesIt(string? content)
    {
        if (content is not null)
        {
            File.WriteAllText(_handOver.Combine(UpdateRequestFiles.RequestFile), content);
        }

        var exit = await RunAsync(_handOver.Path);

        Assert.Equal(UpdateExitCodes.Ok, exit);
        Assert.Empty(_applied);
        Assert.False(File.Exists(_handOver.Combine(UpdateRequestFiles.RequestFile)));
        Assert.False(File.Exists(_handOver.Combine(UpdateRequestFiles.ResultFile)));
    }

    [Fact]
    public async Task Run_BundleFolderNamedWithATrailingSlash_StillInstalls()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        Request("c-u2", Path.GetFileName(bundle));

        var exit = await RunAsync(Path.GetDirectoryName(bundle)! + "/");

        Assert.Equal(UpdateExitCodes.Ok, exit);
        Assert.Equal([bundle], _applied);
    }

    [Fact]
    public async Task Run_RequestFileIsALink_NotFollowedAndConsumed()
    {
        // A compromised agent could point its request at a file only root may read; root does not follow it.
        var elsewhere = _handOver.Combine("elsewhere.json");
        UpdateRequestFiles.Write(elsewhere, new UpdateRequest("c-u3", "bundle-1.0.2", _time.GetUtcNow()));
        File.CreateSymbolicLink(_handOver.Combine(UpdateRequestFiles.RequestFile), elsewhere);

        var exit = await RunAsync(_handOver.Path);

        Assert.Equal(UpdateExitCodes.Ok, exit);
        Assert.Empty(_applied);
        Assert.False(File.Exists(_handOver.Combine(UpdateRequestFiles.RequestFile)));
        Assert.True(File.Exists(elsewhere)); // the link went, not what it pointed at
        Assert.False(File.Exists(_handOver.Combine(UpdateRequestFiles.ResultFile))); // read as no request at all
    }

    [Fact]
    public void Parse_Request_TakesTheHandOverAndBundleFolders()
    {
        var parsed = UpdateArguments.Parse(["request", "--requests", "/r", "--bundles", "/b"], out var error)!;

        Assert.Null(error);
        Assert.Equal(("request", "/r", "/b"), (parsed.Action, parsed.RequestDirectory, parsed.BundleDirectory));
    }

    public void Dispose()
    {
        _handOver.Dispose();
        _rig.Dispose();
    }

    private void Request(string id, string bundle) =>
        UpdateRequestFiles.Write(_handOver.Combine(UpdateRequestFiles.RequestFile), new UpdateRequest(id, bundle, _time.GetUtcNow()));

    private Task<int> RunAsync(string bundles)
    {
        var parsed = new UpdateArguments { Action = "request", RequestDirectory = _handOver.Path, BundleDirectory = bundles };
        return UpdateRequestCommand.RunAsync(parsed, bundle =>
        {
            _applied.Add(bundle);
            var probes = new ReleaseProbes(new FakePanelActivity(_activity), _service, new FakeHealthCheck(), new FakeStationAck(acknowledges: true));
            return _rig.Updater(probes).ApplyAsync(bundle, CancellationToken.None);
        }, TextWriter.Null, TextWriter.Null, _time);
    }
}
