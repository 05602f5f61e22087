using PanelAgent.Station.Configuration;
using PanelAgent.TestSupport;

namespace PanelAgent.Station.Tests;

public sealed class StationConfigTests : IDisposable
{
    private readonly TestPki _pki = new();

    [Fact]
    public void Load_MissingKeysFile_NamesTheField()
    {
        var path = WriteConfig(keysFile: null);

        var error = Assert.Throws<StationConfigException>(() => StationConfigLoader.Load(path));

        Assert.Equal("keysFile", error.Field);
    }

    [Fact]
    public void Load_CompleteFile_ResolvesPathsAndDurations()
    {
        _pki.Write("keys.json", """{"panels":[]}""");
        var path = WriteConfig(keysFile: "keys.json");

        var options = StationConfigLoader.Load(path);

        Assert.Equal(_pki.PathOf("keys.json"), options.KeysFile);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal("stations", options.ShareGroup);
    }

    [Fact]
    public async Task RunAsync_BadSigningKey_Exits78NamingTheField()
    {
        _pki.Write("keys.json", """{"panels":[]}""");
        var path = WriteConfig(keysFile: "keys.json", signingKeyFile: "ca.pem");
        using var errors = new StringWriter();

        var exit = await StationProgram.RunAsync(["--config", path], TextWriter.Null, errors);

        Assert.Equal(StationProgram.ExitConfig, exit);
        Assert.Contains("signingKeyFile", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadPort_Exits78NamingTheField()
    {
        var path = _pki.PathOf("bad-port.json");
        File.WriteAllText(path, """{"host":"127.0.0.1","port":"x"}""");
        using var errors = new StringWriter();

        var exit = await StationProgram.RunAsync(["--config", path], TextWriter.Null, errors);

        Assert.Equal(StationProgram.ExitConfig, exit);
        Assert.Contains("port", errors.ToString(), StringComparison.Ordinal);
    }

    private string WriteConfig(string? keysFile, string signingKeyFile = "station.key")
    {
        var keys = keysFile is null ? "" : $"\"keysFile\": \"{keysFile}\",";
        var path = _pki.PathOf("station.json");
        File.WriteAllText(path, $$"""
            {
              "host": "127.0.0.1", "port": 8883, "clientId": "station-1",
              "caFile": "ca.pem", "certFile": "station.pem", "certKeyFile": "station.key",
              {{keys}}
              "signingKeyFile": "{{signingKeyFile}}", "database": "station.db", "timeout": "00:00:03"
            }
            """);
        return path;
    }

    public void Dispose() => _pki.Dispose();
}
