namespace PanelAgent.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Validate_Defaults_ReturnsNoErrors()
    {
        Assert.Empty(new StorageOptions().Validate());
        Assert.Equal("Storage", StorageOptions.SectionName);
    }

    [Theory]
    [InlineData("", "Storage:Path: must not be empty")]
    [InlineData("panel.db", "Storage:Path: must be an absolute path")]
    [InlineData("/var/lib/panelagent/", "Storage:Path: must name a file")]
    public void Validate_BadPath_NamesTheField(string path, string expected)
    {
        var error = Assert.Single(new StorageOptions { Path = path }.Validate());

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Validate_BusyTimeoutOutOfRange_NamesTheField(int seconds)
    {
        var error = Assert.Single(new StorageOptions { BusyTimeout = TimeSpan.FromSeconds(seconds) }.Validate());

        Assert.StartsWith("Storage:BusyTimeout:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(5_000_001)]
    public void Validate_OutboxCapacityOutOfRange_NamesTheField(int capacity)
    {
        var error = Assert.Single(new StorageOptions { OutboxCapacity = capacity }.Validate());

        Assert.StartsWith("Storage:OutboxCapacity:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_BadOptions_FailsWithTheFieldNames()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Path = "x.db" });

        Assert.True(result.Failed);
        Assert.Contains("Storage:Path:", result.FailureMessage, StringComparison.Ordinal);
    }
}
