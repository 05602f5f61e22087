using PanelAgent.Core.Codes;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Runtime;

public class ChangeCodeTests
{
    [Fact]
    public void ChangeCode_WithOldCode_NewCodeWorksAfterRestartAndIsLogged()
    {
        using var panel = new SimulatedPanel();
        var runtime = panel.Start();

        Assert.Equal(CodeChangeResult.Changed, runtime.ChangeCode(1, "258013", "604918"));
        panel.Stop();
        runtime = panel.Start();

        Assert.Equal(KeypadOutcome.WrongCode, runtime.Panel.EnterCode("258013", KeypadAction.ArmIn(ArmMode.Away)));
        Assert.Equal(KeypadOutcome.Accepted, runtime.Panel.EnterCode("604918", KeypadAction.ArmIn(ArmMode.Away)));
        Assert.Contains(panel.Events, e => e.Kind == EventKinds.CodeChanged && e.User == 1);
        Assert.DoesNotContain(panel.Events, e => (e.Detail ?? "").Contains("604918", StringComparison.Ordinal));
    }

    [Fact]
    public void ChangeCode_WrongOldCode_IsRefusedAndCountsTowardsLockout()
    {
        using var panel = new SimulatedPanel();
        var runtime = panel.Start();

        Assert.Equal(CodeChangeResult.WrongOldCode, runtime.ChangeCode(1, "111111", "604918"));

        Assert.Equal(1, runtime.Panel.State.Lockout.WrongInARow);
        Assert.DoesNotContain(panel.Events, e => e.Kind == EventKinds.CodeChanged);
    }

    [Fact]
    public void ChangeCode_WeakNewCode_IsRefusedAndOldCodeStillWorks()
    {
        using var panel = new SimulatedPanel();
        var runtime = panel.Start();

        Assert.Equal(CodeChangeResult.WeakCode, runtime.ChangeCode(1, "258013", "123456"));

        Assert.Equal(KeypadOutcome.Accepted, runtime.Panel.EnterCode("258013", KeypadAction.ArmIn(ArmMode.Home)));
    }
}
