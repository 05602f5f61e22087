using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PanelAgent.Core.Events;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.Zones;
using PanelAgent.Link;
using PanelAgent.Privacy;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Runtime;
using PanelAgent.Storage;
using PanelAgent.Tests.Support;
using PanelAgent.Update.Requests;

namespace PanelAgent.Tests.Link;

/// <summary>
/// The station's P11 and update commands on the real runtime (sim-villa, SQLite, virtual clock): answered accepted or
/// refused like the others, through the existing PrivacyRights (which access-logs them), the export kept on the panel,
/// and the update only handed over when the panel is disarmed and the bundle is a plain name in the bundle folder.
/// </summary>
public sealed class StationRemoteActionsTests : IDisposable
{
    private readonly SimulatedPanel _panel = new();
    private readonly RuntimeHolder _holder = new();
    private readonly RuntimePrivacy _privacy;
    private readonly PrivacyExportFiles _exports;
    private readonly UpdateRequests _updates;

    public StationRemoteActionsTests()
    {
        _holder.Runtime = _panel.Start();
        _privacy = new RuntimePrivacy(_holder);
        _exports = new PrivacyExportFiles(Path.Combine(_panel.DataDirectory, "exports"), _panel.Time);
        _updates = new UpdateRequests(_panel.DataDirectory, _panel.Time);
    }

    private SqliteEventStore Store => (SqliteEventStore)_holder.Runtime!.Store;

    [Fact]
    public void PrivacyExport_WritesTheDocumentOnThePanelAndAnswersItsNameAndHash()
    {
        Execute("c-e1", CommandNames.PrivacyExport);

        var (kind, detail) = LastAnswer();
        Assert.Equal("command.accepted", kind);
        var match = System.Text.RegularExpressions.Regex.Match(detail!, "^privacy.export:c-e1:file=(privacy-export-20260105T080000Z-c-e1.json);sha256=([0-9a-f]{64})$");
        Assert.True(match.Success, detail);
        var path = Path.Combine(_exports.Directory, match.Groups[1].Value);
        Assert.Equal(match.Groups[2].Value, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(PrivacyRights.ExportFormat, document["format"]!.GetValue<string>());
        Assert.NotNull(document["images"]);
        var access = Store.ReadAccessLog();
        Assert.Contains(access, a => a.Entry is { Actor: "station", Action: AccessActions.PrivacyExported });
        // Logged once, with its id and outcome, as every station command is.
        var logged = Assert.Single(access, a => a.Entry.Action == AccessActions.StationCommand).Entry;
        Assert.Equal(("station", "privacy.export:c-e1", "accepted"), (logged.Actor, logged.Subject, logged.Detail));
    }

    [Fact]
    public void PrivacyErase_ErasesSaysWhatWasKeptAndDeletesEarlierExports()
    {
        Execute("c-e2", CommandNames.PrivacyExport);
        Execute("c-e3", CommandNames.PrivacyErase);

        var (kind, detail) = LastAnswer();
        Assert.Equal("command.accepted", kind);
        Assert.Matches("^privacy.erase:c-e3:labels=[0-9]+;arm=[0-9]+;events=[0-9]+;exports=1;kept=alarm-history,access-log,code-hashes$", detail);
        Assert.Empty(Directory.GetFiles(_exports.Directory));
        Assert.All(_holder.Runtime!.Keypad.Users, u => Assert.Null(u.Label));
    }

    [Fact]
    public void PrivacyErase_FromPanelctl_DeletesTheStationsExportsToo()
    {
        Execute("c-e4", CommandNames.PrivacyExport);

        var result = Rights().Erase("technician"); // panelctl privacy erase: no station command involved

        Assert.Equal(1, result["erased"]!["exports"]!.GetValue<int>());
        Assert.Empty(Directory.GetFiles(_exports.Directory));
    }

    [Fact]
    public void ExportRetention_ExportsPastThirtyDays_DeletedWithoutAnotherExport()
    {
        Execute("c-e5", CommandNames.PrivacyExport);
        using var service = new ExportRetentionService(_exports, _panel.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportRetentionService>.Instance);
        _panel.Time.Advance(PrivacyExportFiles.MaxAge - TimeSpan.FromHours(1));
        Assert.Equal(0, service.PruneNow()); // 29 days and 23 hours: kept

        _panel.Time.Advance(TimeSpan.FromHours(2)); // the pass the service runs at start and hourly

        Assert.Equal(1, service.PruneNow());
        Assert.Empty(Directory.GetFiles(_exports.Directory));
    }

    [Fact]
    public void PrivacyRestrictThenLift_PersistsTheRestrictionAndAnswers()
    {
        Execute("c-e4", CommandNames.PrivacyRestrict);
        var restricted = (LastAnswer(), Store.CaptureRestricted);
        Execute("c-e5", CommandNames.PrivacyLift);

        Assert.Equal((("command.accepted", "privacy.restrict:c-e4:restricted=true;persisted=true"), true), restricted);
        Assert.Equal(("command.accepted", "privacy.lift:c-e5:restricted=false;persisted=true"), LastAnswer());
        Assert.False(Store.CaptureRestricted);
    }

    [Fact]
    public void Privacy_WithoutRemoteActions_IsRefusedAsUnsupported()
    {
        new StationCommandExecutor(_holder.Runtime!, time: _panel.Time).Execute(new CommandPayload("c-e6", CommandNames.PrivacyExport));

        Assert.Equal(("command.refused", "privacy.export:c-e6:unsupported"), LastAnswer());
    }

    [Fact]
    public void Update_Disarmed_WritesTheRequestForTheRootUpdater()
    {
        Directory.CreateDirectory(Path.Combine(_updates.BundleDirectory, "panelagent-1.0.9-linux-arm64"));

        Execute("c-u1", CommandNames.Update, bundle: "panelagent-1.0.9-linux-arm64");

        Assert.Equal(("command.accepted", "update:c-u1:requested"), LastAnswer());
        var request = UpdateRequestFiles.Take(_updates.RequestPath)!;
        Assert.Equal(("c-u1", "panelagent-1.0.9-linux-arm64"), (request.Id, request.Bundle));
    }

    [Theory]
    [InlineData("../../etc", "bad-bundle")]
    [InlineData("a/b", "bad-bundle")]
    [InlineData(null, "bad-bundle")]
    [InlineData("not-there", "no-bundle")]
    public void Update_BadOrMissingBundle_RefusedAndNothingHandedOver(string? bundle, string why)
    {
        Execute("c-u2", CommandNames.Update, bundle: bundle);

        Assert.Equal(("command.refused", $"update:c-u2:{why}"), LastAnswer());
        Assert.False(File.Exists(_updates.RequestPath));
    }

    [Fact]
    public void Update_WhileArmedOrInAlarm_RefusedWithTheReason()
    {
        Directory.CreateDirectory(Path.Combine(_updates.BundleDirectory, "b1"));
        Execute("c-a", CommandNames.Arm, mode: "away");
        Execute("c-u3", CommandNames.Update, bundle: "b1");
        var armed = LastAnswer();
        _panel.SetZone("bedroom-panic", ZoneCondition.Active);
        _panel.Advance(TimeSpan.FromSeconds(1));
        Execute("c-u4", CommandNames.Update, bundle: "b1");

        Assert.Equal(("command.refused", "update:c-u3:panel-busy:armed"), armed);
        Assert.Equal(("command.refused", "update:c-u4:panel-busy:alarm"), LastAnswer());
        Assert.False(File.Exists(_updates.RequestPath));
    }

    [Fact]
    public void Update_SecondRequestWhileOneIsPending_Refused()
    {
        Directory.CreateDirectory(Path.Combine(_updates.BundleDirectory, "b1"));
        Execute("c-u5", CommandNames.Update, bundle: "b1");
        Execute("c-u6", CommandNames.Update, bundle: "b1");

        Assert.Equal(("command.refused", "update:c-u6:update-pending"), LastAnswer());
    }

    [Theory]
    [InlineData(0, "command.accepted", "update:c-u7:installed:b1")]
    [InlineData(83, "command.refused", "update:c-u7:rolled-back:b1")]
    [InlineData(75, "command.refused", "update:c-u7:panel-busy:b1")]
    public void ResultReport_RaisesTheSecondAnswerOnceAndConsumesTheFile(int exit, string kind, string detail)
    {
        UpdateRequestFiles.Write(_updates.ResultPath, new UpdateRequestResult("c-u7", "b1", exit,
            UpdateRequestFiles.Outcome(exit), "report", _panel.Time.GetUtcNow()));

        var first = UpdateResultService.TryReport(_updates, _holder.Runtime);
        var second = UpdateResultService.TryReport(_updates, _holder.Runtime);

        Assert.Equal((true, false), (first, second));
        Assert.Equal((kind, detail), LastAnswer());
        Assert.False(File.Exists(_updates.ResultPath));
    }

    public void Dispose() => _panel.Dispose();

    private void Execute(string id, string command, string? mode = null, string? bundle = null) =>
        new StationCommandExecutor(_holder.Runtime!, privacy: _privacy, access: _privacy, time: _panel.Time,
            remote: new StationRemoteActions(Rights(), _exports, _updates))
            .Execute(new CommandPayload(id, command, Mode: mode, Bundle: bundle));

    private PrivacyRights Rights() => new(_holder, _privacy, _panel.Config, _panel.Time, _exports);

    private (string Kind, string? Detail) LastAnswer()
    {
        var answer = _panel.Events.Last(e => e.Kind is EventKinds.CommandAccepted or EventKinds.CommandRefused);
        return (answer.Kind, answer.Detail);
    }
}
