using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Diagnostics;
using PanelAgent.Privacy;

namespace PanelAgent.Tests.Diagnostics;

/// <summary>Redaction, the access-log detail of a command, the engine events copied to the access log, the log ring.</summary>
public sealed class DiagnosticsPrivacyTests
{
    [Theory]
    [InlineData("Ada Synthetic", "A.S.")]
    [InlineData("  åse  ola nordmann ", "Å.O.N.")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Initials_Label_OnlyInitials(string? label, string? expected) => Assert.Equal(expected, Redaction.Initials(label));

    [Fact]
    public void Detail_UsersRequest_NamesTheUserNumberNeverCodeOrLabel()
    {
        var args = new JsonObject { ["number"] = 3, ["code"] = "480271", ["oldCode"] = "258013", ["newCode"] = "593017", ["label"] = "Ada Synthetic", ["duress"] = true };

        var detail = DiagnosticsCommands.Detail(args);

        Assert.Equal("user:3 duress=true", detail);
    }

    [Fact]
    public void Recorder_CodeChangedAndLockout_AppendedWithUserNumberOnly()
    {
        var log = Substitute.For<IAccessLog>();
        var recorder = new AccessLogRecorder(log);
        var at = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

        recorder.OnEvent(new PanelEvent(EventKinds.CodeChanged, at, User: 2));
        recorder.OnEvent(new PanelEvent(EventKinds.CodeLockout, at));
        recorder.OnEvent(new PanelEvent(EventKinds.Disarmed, at, User: 2));

        log.Received(1).Append(new AccessEntry(at, "panel", AccessActions.CodeChanged, "user:2"));
        log.Received(1).Append(new AccessEntry(at, "panel", AccessActions.CodeLockout));
        log.ReceivedWithAnyArgs(2).Append(default!);
    }

    [Fact]
    public void RingLogger_BeyondCapacity_KeepsTheNewestAboveTheLevel()
    {
        var ring = new RingLoggerProvider(new FakeTimeProvider(), capacity: 3);
        var logger = ring.CreateLogger("PanelAgent.Services.PanelService");
        for (var i = 0; i < 5; i++)
        {
            logger.Log(i % 2 == 0 ? LogLevel.Warning : LogLevel.Debug, new EventId(i), $"line {i}", null, (s, _) => s);
        }

        Assert.Equal(["line 2", "line 4"], ring.Read(10, LogLevel.Information).Select(l => l.Message));
        Assert.Equal("PanelService", ring.Read(1)[0].Category);
    }
}
