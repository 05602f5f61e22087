using PanelAgent.Core.State;

namespace PanelAgent.Hil.Scenarios;

public sealed record ArmStep(ArmMode Mode, string Code, IReadOnlyList<string> Bypass) : ScenarioStep
{
    public override string Kind => "arm";

    public override string Summary =>
        $"{ScenarioText.ModeName(Mode)} code={ScenarioText.CodeMask}"
        + (Bypass.Count == 0 ? "" : " bypass=" + string.Join(',', Bypass));
}
