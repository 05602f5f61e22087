using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using PanelAgent.TestSupport;

namespace PanelAgent.Broker.Tests;

/// <summary>panel-broker's command line: usage, field-named configuration errors and their exit codes.</summary>
public sealed class BrokerProgramTests : IDisposable
{
    private readonly TestPki _pki = new();

    [Fact]
    public async Task RunAsync_NoConfig_ExitsUsage()
    {
        var errors = new StringWriter();

        Assert.Equal(BrokerProgram.ExitUsage, await BrokerProgram.RunAsync([], errors));
        Assert.Contains("usage: panel-broker", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caFile", null, "caFile: is required")]
    [InlineData("certFile", "missing.pem", "certFile: no such file")]
    [InlineData("port", 70000, "port: 0 to 65535")]
    [InlineData("bind", "localhost", "bind: 'localhost' is not an IPv4 or IPv6 address")]
    [InlineData("stationIdentity", "st/ation", "stationIdentity:")]
    [InlineData("crlFiel", "ca.crl", "crlFiel: unknown setting")]
    [InlineData("maxPendingMessagesPerClient", 0, "maxPendingMessagesPerClient: 1 to 1000000")]
    public async Task RunAsync_BadSetting_ExitsConfigNamingTheField(string field, object? value, string expected)
    {
        var config = ValidConfig();
        config[field] = value switch { null => null, int n => n, _ => JsonValue.Create((string)value) };
        if (value is null)
        {
            config.Remove(field);
        }

        var errors = new StringWriter();

        Assert.Equal(BrokerProgram.ExitConfig, await BrokerProgram.RunAsync(["--config", Write(config)], errors));
        Assert.Contains($"panel-broker: bad configuration: {expected}", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AclFileWithBadLine_ExitsConfigNamingFieldAndLine()
    {
        _pki.Write("bad.acl", "user station\ntopic sometimes panels/#\n");
        var config = ValidConfig();
        config["aclFile"] = "bad.acl";
        var errors = new StringWriter();

        Assert.Equal(BrokerProgram.ExitConfig, await BrokerProgram.RunAsync(["--config", Write(config)], errors));
        Assert.Contains("aclFile: line 2", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PortInUse_ExitsUnavailable()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var config = ValidConfig();
        config["port"] = ((IPEndPoint)holder.LocalEndpoint).Port;
        var errors = new StringWriter();

        Assert.Equal(BrokerProgram.ExitUnavailable, await BrokerProgram.RunAsync(["--config", Write(config)], errors));
        Assert.Contains("panel-broker: cannot listen", errors.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _pki.Dispose();

    /// <summary>Paths relative to the config file, as an operator would write them.</summary>
    private static JsonObject ValidConfig() => new()
    {
        ["bind"] = "127.0.0.1",
        ["port"] = 0,
        ["caFile"] = "ca.pem",
        ["certFile"] = "server.pem",
        ["keyFile"] = "server.key",
        ["crlFile"] = "ca.crl",
    };

    private string Write(JsonObject config)
    {
        var path = _pki.PathOf("broker.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
