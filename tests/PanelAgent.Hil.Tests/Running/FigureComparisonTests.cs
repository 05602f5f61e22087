using PanelAgent.Hil.Running;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Running;

public class FigureComparisonTests
{
    [Theory]
    [InlineData("0", """ "equals": 0 """, true, "is 0")]
    [InlineData("3", """ "equals": 0 """, false, "armlog.count is 3, expected 0")]
    [InlineData("100", """ "equals": 1e2 """, true, "is 100")]
    [InlineData("100", """ "atLeast": 100 """, true, "is 100")]
    [InlineData("99", """ "atLeast": 100 """, false, "armlog.count is 99, expected at least 100")]
    [InlineData("100", """ "atMost": 100 """, true, "is 100")]
    [InlineData("101", """ "atMost": 100 """, false, "armlog.count is 101, expected at most 100")]
    [InlineData("5", """ "atLeast": 1, "atMost": 10 """, true, "is 5")]
    [InlineData("many", """ "atLeast": 1 """, false, "armlog.count is \"many\", not a number")]
    [InlineData("armed-away", """ "equals": "armed-away" """, true, "is \"armed-away\"")]
    [InlineData("alarm", """ "equals": "armed-away" """, false, "armlog.count is \"alarm\", expected \"armed-away\"")]
    [InlineData("0", """ "equals": "00" """, false, "armlog.count is \"0\", expected \"00\"")]
    public void Compare_FigureAndExpectation_PassesOrSaysWhy(string value, string comparison, bool passes, string message)
    {
        var check = (CheckStep)ScenarioJson.Parse($$"""{ "check": "armlog.count", {{comparison}} }""").Steps[0];

        var verdict = FigureComparison.Compare(check, value);

        Assert.Equal((passes, message), (verdict.Passed, verdict.Message));
    }

    [Fact]
    public async Task RunAsync_CheckStep_ReadsTheFigureFromTheTarget()
    {
        var target = new FakeScenarioTarget();
        target.Figures["state"] = "armed-home";

        var result = await new ScenarioRunner().RunAsync(
            ScenarioJson.Parse("""{ "check": "state", "equals": "armed-home" }"""), target, default);

        Assert.True(result.Passed);
        Assert.Equal(["read state"], target.Calls);
    }
}
