using PanelAgent.Core.Codes;

namespace PanelAgent.Core.Tests.Codes;

public class CodeRulesTests
{
    [Theory]
    [InlineData("258013")]
    [InlineData("741852")]
    [InlineData("369147")]
    [InlineData("0481")]
    [InlineData("04815")]
    [InlineData("40927163")]
    public void Check_GoodCode_IsAccepted(string code) => Assert.Null(CodeRules.Check(code, grade: 2));

    [Theory]
    [InlineData("123", "digits")]
    [InlineData("123456789", "digits")]
    [InlineData("12a4", "digits")]
    [InlineData("0000", "repeat")]
    [InlineData("999999", "repeat")]
    [InlineData("1234", "run")]
    [InlineData("4321", "run")]
    [InlineData("7890", "run")]
    [InlineData("3456789", "run")]
    [InlineData("1212", "common")]
    [InlineData("147258", "common")]
    [InlineData("123123", "common")]
    [InlineData("1985", "date")]
    [InlineData("2512", "date")]
    [InlineData("1225", "date")]
    [InlineData("170590", "date")]
    [InlineData("31121999", "date")]
    [InlineData("20240229", "date")]
    public void Check_WeakCode_IsRefusedWithReason(string code, string reason)
    {
        var refusal = CodeRules.Check(code, grade: 2);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(code, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Grade3_NeedsSixDigits()
    {
        Assert.NotNull(CodeRules.Check("0481", grade: 3));
        Assert.Null(CodeRules.Check("048157", grade: 3));
    }

    [Fact]
    public void Check_LeadingZeros_AreKept()
    {
        // "0481" and "481" are different codes; the latter is too short.
        Assert.Null(CodeRules.Check("0481", grade: 2));
        Assert.NotNull(CodeRules.Check("481", grade: 2));
    }
}
