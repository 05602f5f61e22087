using PanelAgent.Core.State;

namespace PanelAgent.Core.Engine;

/// <summary>What a user asks for with a code at the keypad.</summary>
public sealed record KeypadAction(bool Arm, ArmMode Mode, IReadOnlyList<string> Bypass)
{
    public static KeypadAction Disarm { get; } = new(false, ArmMode.Away, []);

    public static KeypadAction ArmIn(ArmMode mode, IReadOnlyList<string>? bypass = null) => new(true, mode, bypass ?? []);
}
