namespace PanelAgent.Transport.Tests;

public sealed class MqttLinkOptionsTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    private MqttLinkOptions Valid()
    {
        var options = new MqttLinkOptions { PanelId = "panel-a", CaFile = _file, ClientCertFile = _file, ClientKeyFile = _file };
        options.Brokers.Add(new BrokerEndpoint { Host = "broker.example", Port = 8883 });
        return options;
    }

    [Fact]
    public void Validate_CompleteOptions_NoErrors() => Assert.Empty(Valid().Validate());

    [Fact]
    public void Validate_BadSecondBrokerPort_NamesIndexedField()
    {
        var options = Valid();
        options.Brokers.Add(new BrokerEndpoint { Host = "backup", Port = 0 });

        Assert.Equal(["Link:Brokers[1]:Port: must be between 1 and 65535, got 0."], options.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("panel/a")]
    [InlineData("panel+")]
    [InlineData("#")]
    public void Validate_PanelIdThatIsNotOneTopicSegment_NamesPanelId(string panelId)
    {
        var options = Valid();
        options.PanelId = panelId;

        Assert.StartsWith("Link:PanelId: ", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoBrokersMissingCrlAndInvertedBackoff_NamesEachField()
    {
        var options = new MqttLinkOptions
        {
            PanelId = "panel-a", CaFile = _file, ClientCertFile = _file, ClientKeyFile = _file,
            CrlFile = "/nonexistent/station.crl", BackoffMin = TimeSpan.FromSeconds(10), BackoffMax = TimeSpan.FromSeconds(1),
        };

        var errors = options.Validate();

        Assert.Collection(errors,
            e => Assert.StartsWith("Link:Brokers: ", e, StringComparison.Ordinal),
            e => Assert.StartsWith("Link:CrlFile: file '/nonexistent/station.crl' does not exist", e, StringComparison.Ordinal),
            e => Assert.StartsWith("Link:BackoffMax: ", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RelativeCaFile_NamesCaFile()
    {
        var options = Valid();
        options.CaFile = "ca.pem";

        Assert.Equal(["Link:CaFile: must be an absolute path, got 'ca.pem'."], options.Validate());
    }

    public void Dispose() => File.Delete(_file);
}
