using PanelAgent.Update.Journal;
using PanelAgent.Update.Safety;
using PanelAgent.Update.Tests.Support;

namespace PanelAgent.Update.Tests;

/// <summary>The updater in-process, with the service manager, health check and station scripted.</summary>
public sealed class UpdaterTests : IDisposable
{
    private readonly UpdateRig _rig = new();
    private readonly FakeServiceControl _service = new();

    [Fact]
    public async Task ApplyAsync_GoodBundle_InstallsInTheOtherSlotAndRestarts()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));

        var result = await _rig.Updater(Probes()).ApplyAsync(bundle, CancellationToken.None);

        Assert.Equal((UpdateExitCodes.Ok, "b"), (result.ExitCode, result.Slot));
        Assert.Equal("b", _rig.Slots.CurrentSlot());
        Assert.Contains("panel-agent 1.0.2", _rig.CurrentVersionLine(), StringComparison.Ordinal);
        Assert.Equal(1, _service.Restarts);
        Assert.Null(new JournalFile(_rig.Root).Read());
    }

    [Fact]
    public async Task ApplyAsync_TarGzBundle_UnpacksVerifiesAndInstalls()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        var archive = bundle + ".tar.gz";
        using (var file = File.Create(archive))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            System.Formats.Tar.TarFile.CreateFromDirectory(bundle, gzip, includeBaseDirectory: true);
        }

        var result = await _rig.Updater(Probes()).ApplyAsync(archive, CancellationToken.None);

        Assert.Equal(UpdateExitCodes.Ok, result.ExitCode);
        Assert.Contains("panel-agent 1.0.2", _rig.CurrentVersionLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public async Task ApplyAsync_ArmedInAlarmOrTransmitting_RefusedRetryLaterAndNothingChanged(bool armed, bool alarm, bool sending)
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        var probes = Probes() with { Activity = new FakePanelActivity(new PanelActivity(armed, alarm, sending)) };

        var result = await _rig.Updater(probes).ApplyAsync(bundle, CancellationToken.None);

        Assert.Equal(UpdateExitCodes.PanelBusy, result.ExitCode);
        Assert.Contains("retry later", result.Report, StringComparison.Ordinal);
        Assert.Equal("a", _rig.Slots.CurrentSlot());
        Assert.False(Directory.Exists(_rig.Slots.SlotPath("b")));
        Assert.Equal(0, _service.Restarts);
    }

    [Fact]
    public async Task ApplyAsync_FailedHealthCheck_RollsBackToThePreviousSlot()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        var probes = Probes() with { Health = new FakeHealthCheck("selftest: gpio chip missing") };

        var result = await _rig.Updater(probes).ApplyAsync(bundle, CancellationToken.None);

        Assert.Equal((UpdateExitCodes.RolledBack, "a"), (result.ExitCode, result.Slot));
        Assert.Contains("health check failed: selftest: gpio chip missing", result.Report, StringComparison.Ordinal);
        Assert.Equal("a", _rig.Slots.CurrentSlot());
        Assert.Contains("panel-agent 1.0.1", _rig.CurrentVersionLine(), StringComparison.Ordinal);
        Assert.Equal(2, _service.Restarts); // onto the new release, then back onto the old one
        Assert.Null(new JournalFile(_rig.Root).Read());
    }

    [Fact]
    public async Task ApplyAsync_NeverReady_RollsBack()
    {
        _service.BecomesReady = false;

        var result = await _rig.Updater(Probes()).ApplyAsync(_rig.Bundle(new BundleBuilder("1.0.2")), CancellationToken.None);

        Assert.Equal(UpdateExitCodes.RolledBack, result.ExitCode);
        Assert.Contains("not READY", result.Report, StringComparison.Ordinal);
        Assert.Equal("a", _rig.Slots.CurrentSlot());
    }

    [Fact]
    public async Task ApplyAsync_StationNeverAcknowledges_RollsBack()
    {
        var probes = Probes() with { StationAck = new FakeStationAck(acknowledges: false) };

        var result = await _rig.Updater(probes).ApplyAsync(_rig.Bundle(new BundleBuilder("1.0.2")), CancellationToken.None);

        Assert.Equal(UpdateExitCodes.RolledBack, result.ExitCode);
        Assert.Contains("station did not acknowledge", result.Report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("older", UpdateExitCodes.Version)]
    [InlineData("flipped", UpdateExitCodes.Integrity)]
    [InlineData("stranger", UpdateExitCodes.Untrusted)]
    [InlineData("schema", UpdateExitCodes.Schema)]
    public async Task ApplyAsync_BadBundle_RefusedWithItsExitCodeAndSlotUntouched(string fault, int exitCode)
    {
        using var stranger = new SigningKey();
        var bundle = fault switch
        {
            "older" => _rig.Bundle(new BundleBuilder("1.0.0")),
            "stranger" => _rig.Bundle(new BundleBuilder("1.0.2"), stranger),
            _ => _rig.Bundle(new BundleBuilder("1.0.2") { SchemaVersion = fault == "schema" ? 0 : 2 }),
        };
        if (fault == "flipped")
        {
            BundleBuilder.FlipByte(Path.Combine(bundle, "systemd", "panel-agent.service"));
        }

        if (fault == "schema")
        {
            PanelAgent.Storage.SqliteStoreOpener.Open(_rig.DatabasePath, TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).Store.Dispose();
        }

        var result = await _rig.Updater(Probes()).ApplyAsync(bundle, CancellationToken.None);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith("refused: ", result.Report, StringComparison.Ordinal);
        Assert.Equal("a", _rig.Slots.CurrentSlot());
        Assert.Equal(0, _service.Restarts);
    }

    private ReleaseProbes Probes() =>
        new(new FakePanelActivity(PanelActivity.Idle), _service, new FakeHealthCheck(), new FakeStationAck(acknowledges: true));

    public void Dispose() => _rig.Dispose();
}
