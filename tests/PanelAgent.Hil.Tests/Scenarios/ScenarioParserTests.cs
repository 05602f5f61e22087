using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Scenarios;

public class ScenarioParserTests
{
    private const string Example = """
        { "name": "burglary-front-door", "panel": "hardware/panels/sim-villa.json",
          "steps": [
            { "arm": "away", "code": "258013" },
            { "advance": "PT31S" },
            { "zone": "front-door", "state": "open" },
            { "advance": "PT31S" },
            { "expect": { "event": "alarm.intrusion", "zone": "front-door" }, "within": "PT1S" },
            { "disarm": "258013" },
            { "expect": { "event": "disarmed" } },
            { "advance": "P100D" },
            { "check": "armlog.count", "equals": 0 } ] }
        """;

    [Fact]
    public void Parse_Example_ReturnsTypedSteps()
    {
        var scenario = ScenarioParser.Parse(Example, "burglary.json");

        Assert.Equal("burglary-front-door", scenario.Name);
        Assert.Equal("hardware/panels/sim-villa.json", scenario.Panel);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], scenario.Steps.Select(s => s.Number));
        var arm = Assert.IsType<ArmStep>(scenario.Steps[0]);
        Assert.Equal((ArmMode.Away, "258013"), (arm.Mode, arm.Code));
        Assert.Empty(arm.Bypass);
        Assert.Equal(TimeSpan.FromSeconds(31), Assert.IsType<AdvanceStep>(scenario.Steps[1]).By.Time);
        Assert.Equal(new ZoneStep("front-door", ZoneCondition.Active) { Number = 3 }, scenario.Steps[2]);
        var expect = Assert.IsType<ExpectStep>(scenario.Steps[4]);
        Assert.Equal(new EventMatch("alarm.intrusion", "front-door"), expect.Match);
        Assert.Equal("PT1S", expect.Within?.Text);
        Assert.Equal("258013", Assert.IsType<DisarmStep>(scenario.Steps[5]).Code);
        Assert.Null(Assert.IsType<ExpectStep>(scenario.Steps[6]).Within);
        Assert.Equal(100, Assert.IsType<AdvanceStep>(scenario.Steps[7]).By.Days);
        Assert.Equal(new CheckStep("armlog.count", null, 0m, null, null) { Number = 9 }, scenario.Steps[8]);
    }

    [Fact]
    public void Parse_OptionalFields_AreRead()
    {
        var scenario = ScenarioJson.Parse("""
            { "arm": "home", "code": "741852", "bypass": ["living-room-window"], "note": "n", "rig": false },
            { "restart": true, "hard": true },
            { "restart": true },
            { "expectNone": { "event": "alarm.intrusion", "user": 2, "detail": "d" }, "for": "PT29S" },
            { "expectNone": { "event": "siren.on" } },
            { "check": "state", "equals": "armed-home" },
            { "check": "armlog.count", "atLeast": 1, "atMost": 100 },
            { "zone": "panel-tamper", "state": "tamper" },
            { "zone": "water-leak", "state": "fault" },
            { "zone": "front-door", "state": "closed" }
            """);

        var arm = Assert.IsType<ArmStep>(scenario.Steps[0]);
        Assert.Equal((ArmMode.Home, "n", false), (arm.Mode, arm.Note, arm.Rig));
        Assert.Equal(["living-room-window"], arm.Bypass);
        Assert.True(Assert.IsType<RestartStep>(scenario.Steps[1]).Hard);
        Assert.False(Assert.IsType<RestartStep>(scenario.Steps[2]).Hard);
        var none = Assert.IsType<ExpectNoneStep>(scenario.Steps[3]);
        Assert.Equal((new EventMatch("alarm.intrusion", null, 2, "d"), "PT29S"), (none.Match, none.For.Text));
        Assert.Equal(IsoDuration.Zero, Assert.IsType<ExpectNoneStep>(scenario.Steps[4]).For);
        Assert.Equal("armed-home", Assert.IsType<CheckStep>(scenario.Steps[5]).ExpectedText);
        Assert.Equal((1m, 100m), (((CheckStep)scenario.Steps[6]).AtLeast, ((CheckStep)scenario.Steps[6]).AtMost));
        Assert.Equal(
            [ZoneCondition.Tamper, ZoneCondition.Fault, ZoneCondition.Normal],
            scenario.Steps.Skip(7).Cast<ZoneStep>().Select(z => z.Condition));
        Assert.True(scenario.Steps[1].Rig);
    }

    [Theory]
    [InlineData("""{ "sleep": "PT1S" }""", """step 2 (sleep): unknown step "sleep" """)]
    [InlineData("""{ "note": "only a note" }""", "step 2: no step kind")]
    [InlineData("""{ "arm": "away", "code": "1", "disarm": "1" }""", """step 2 (arm): fields "arm" and "disarm" are both step kinds""")]
    [InlineData("""{ "advance": "PT1S", "within": "PT1S" }""", """step 2 (advance): unknown field "within" """)]
    [InlineData("""{ "expect": { "event": "alarm.intrusion", "zones": "x" } }""", """step 2 (expect): unknown field "zones" """)]
    [InlineData("""{ "expect": { "zone": "front-door" } }""", """step 2 (expect): missing field "event" """)]
    [InlineData("""{ "expect": "alarm.intrusion" }""", """step 2 (expect): field "expect" must be a JSON object""")]
    [InlineData("""{ "expect": { "event": "disarmed", "user": "1" } }""", """step 2 (expect): field "user" must be an integer""")]
    [InlineData("""{ "advance": "PT31X" }""", """step 2 (advance): field "advance": "PT31X" is not an ISO 8601 duration""")]
    [InlineData("""{ "expectNone": { "event": "siren.on" }, "for": "31S" }""", """step 2 (expectNone): field "for": "31S" is not""")]
    [InlineData("""{ "advance": 31 }""", """step 2 (advance): field "advance" must be a string""")]
    [InlineData("""{ "zone": "front-door", "state": "ajar" }""", """step 2 (zone): field "state" must be one of open, closed, tamper, fault (got "ajar")""")]
    [InlineData("""{ "zone": "front-door" }""", """step 2 (zone): missing field "state" """)]
    [InlineData("""{ "arm": "away" }""", """step 2 (arm): missing field "code" """)]
    [InlineData("""{ "arm": "night", "code": "1" }""", """step 2 (arm): field "arm" must be one of away, home""")]
    [InlineData("""{ "arm": "away", "code": "1", "bypass": "front-door" }""", """step 2 (arm): field "bypass" must be an array of strings""")]
    [InlineData("""{ "disarm": "" }""", """step 2 (disarm): field "disarm" must not be empty""")]
    [InlineData("""{ "restart": false }""", """step 2 (restart): field "restart" must be true""")]
    [InlineData("""{ "restart": true, "hard": "yes" }""", """step 2 (restart): field "hard" must be true or false""")]
    [InlineData("""{ "check": "state" }""", """step 2 (check): missing field "equals", "atLeast" or "atMost" """)]
    [InlineData("""{ "check": "state", "equals": true }""", """step 2 (check): field "equals" must be a number or a string""")]
    [InlineData("""{ "check": "armlog.count", "equals": 1, "atMost": 2 }""", """step 2 (check): field "equals" cannot be combined""")]
    [InlineData("""{ "check": "armlog.count", "atLeast": 3, "atMost": 2 }""", """step 2 (check): field "atLeast" is greater than "atMost" """)]
    [InlineData("""{ "check": "armlog.count", "atLeast": "1" }""", """step 2 (check): field "atLeast" must be a number""")]
    [InlineData("""{ "advance": "PT1S", "note": 5 }""", """step 2 (advance): field "note" must be a string""")]
    [InlineData("""{ "advance": "PT1S", "rig": "no" }""", """step 2 (advance): field "rig" must be true or false""")]
    [InlineData("""{ "advance": "PT1S", "advance": "PT2S" }""", """step 2 (advance): duplicate field "advance" """)]
    [InlineData("""[ "advance" ]""", "step 2: a step must be a JSON object")]
    public void Parse_BadStep_NamesFileStepAndField(string step, string expected)
    {
        var ex = Assert.Throws<ScenarioFormatException>(() => ScenarioParser.Parse(
            ScenarioJson.Json("""{ "advance": "PT1S" }, """ + step), "burglary.json"));

        Assert.StartsWith("burglary.json: " + expected.TrimEnd(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Step);
    }

    [Fact]
    public void Parse_UnknownFieldInExpect_MatchesDocumentedMessage()
    {
        var steps = string.Join(", ", Enumerable.Repeat("""{ "advance": "PT1S" }""", 4))
            + """, { "expect": { "event": "alarm.intrusion", "zones": "front-door" } }""";

        var ex = Assert.Throws<ScenarioFormatException>(() => ScenarioParser.Parse(ScenarioJson.Json(steps), "burglary.json"));

        Assert.Equal("burglary.json: step 5 (expect): unknown field \"zones\"", ex.Message);
        Assert.Equal(("expect", "zones"), (ex.StepKind, ex.Field));
    }

    [Theory]
    [InlineData("""{ "arm": "away", "code": 258013 }""")]
    [InlineData("""{ "disarm": 258013 }""")]
    [InlineData("""{ "arm": "away", "code": 258013, "bypass": [258013] }""")]
    public void Parse_CodeOfWrongType_DoesNotEchoTheCode(string step)
    {
        var ex = Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Parse(step));

        Assert.DoesNotContain("258013", ex.Message, StringComparison.Ordinal);
        Assert.Contains("must be a string", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "panel": "p.json", "steps": [ { "advance": "PT1S" } ] }""", """t.json: missing field "name" """)]
    [InlineData("""{ "name": "n", "steps": [ { "advance": "PT1S" } ] }""", """t.json: missing field "panel" """)]
    [InlineData("""{ "name": "n", "panel": "p.json", "steps": [] }""", """t.json: field "steps" must be a non-empty array""")]
    [InlineData("""{ "name": "n", "panel": "p.json", "steps": [ { "advance": "PT1S" } ], "extra": 1 }""", """t.json: unknown field "extra" """)]
    [InlineData("""{ "name": "n", "panel": "p.json", "steps": [ { "advance": "PT1S" } ] """, "t.json: not valid JSON (line 1")]
    [InlineData("""[]""", "t.json: the scenario must be a JSON object")]
    public void Parse_BadScenario_NamesFileAndField(string json, string expected)
    {
        var ex = Assert.Throws<ScenarioFormatException>(() => ScenarioParser.Parse(json, "t.json"));

        Assert.StartsWith(expected.TrimEnd(), ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Step);
    }

    [Fact]
    public void Codes_ArmAndDisarmSteps_AreCollectedOnce()
    {
        var scenario = ScenarioJson.Parse("""
            { "arm": "away", "code": "258013" }, { "disarm": "258013" }, { "disarm": "369147" }, { "advance": "PT1S" }
            """);

        Assert.Equal(["258013", "369147"], scenario.Codes);
    }

    [Fact]
    public void ToString_ArmAndDisarm_MasksCodes()
    {
        var scenario = ScenarioJson.Parse("""{ "arm": "away", "code": "258013" }, { "disarm": "258013" }""");

        Assert.Equal("arm away code=******", scenario.Steps[0].ToString());
        Assert.Equal("disarm code=******", scenario.Steps[1].ToString());
        Assert.DoesNotContain("258013", scenario.ToString(), StringComparison.Ordinal);
    }
}
