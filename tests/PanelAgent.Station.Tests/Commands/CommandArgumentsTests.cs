using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Commands;

namespace PanelAgent.Station.Tests.Commands;

/// <summary><c>panel-station command</c> can send the privacy and update commands.</summary>
public sealed class CommandArgumentsTests
{
    [Theory]
    [InlineData(CommandNames.PrivacyExport)]
    [InlineData(CommandNames.PrivacyErase)]
    [InlineData(CommandNames.PrivacyRestrict)]
    [InlineData(CommandNames.PrivacyLift)]
    public void Parse_PrivacyCommand_NeedsNoArgument(string name)
    {
        var parsed = CommandArguments.Parse(["--config", "s.json", "--panel", "p-1", "--command", name, "--id", "c-1"], out var error);

        Assert.Null(error);
        Assert.Equal(new CommandPayload("c-1", name), parsed!.Command);
    }

    [Fact]
    public void Parse_Update_CarriesTheBundleName()
    {
        var parsed = CommandArguments.Parse(
            ["--config", "s.json", "--panel", "p-1", "--command", "update", "--bundle", "panelagent-1.0.9-linux-arm64"], out _);

        Assert.Equal((CommandNames.Update, "panelagent-1.0.9-linux-arm64"), (parsed!.Command.Command, parsed.Command.Bundle));
    }

    [Fact]
    public void Parse_BundleWithoutValue_IsAUsageError()
    {
        Assert.Null(CommandArguments.Parse(["--config", "s.json", "--panel", "p-1", "--command", "update", "--bundle"], out var error));
        Assert.Equal("unknown or incomplete option '--bundle'", error);
    }
}
