using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>Something that asks the engine to decide: an input change, a keypad action, or time passing.</summary>
public abstract record Trigger;

/// <summary>A zone's debounced condition changed.</summary>
public sealed record ZoneChanged(string ZoneId, ZoneCondition Previous, ZoneCondition Current) : Trigger;

/// <summary>A user whose code was verified asks to arm.</summary>
public sealed record ArmRequested(int User, ArmMode Mode, IReadOnlyList<string> Bypass) : Trigger;

/// <summary>A user whose code was verified asks to disarm. <paramref name="Duress"/> when the duress code was used.</summary>
public sealed record DisarmRequested(int User, bool Duress) : Trigger;

/// <summary>A code was entered that matches no user.</summary>
public sealed record WrongCode : Trigger;

/// <summary>Time passed: delays, siren cut-off and lock-outs are checked against the clock.</summary>
public sealed record Tick : Trigger;

/// <summary>A subsystem raised or cleared a trouble condition (storage, detector, output...).</summary>
public sealed record TroubleChanged(string Kind, string? ZoneId, bool Raised) : Trigger;

/// <summary>A user changed their code (verified elsewhere); only the fact is logged.</summary>
public sealed record CodeChangedTrigger(int User) : Trigger;

/// <summary>
/// The panel answered a command from the alarm station; only the answer is logged (and so sent, durably, to the
/// station). <paramref name="Detail"/> names the command, its id and, when refused, why: no personal data.
/// </summary>
public sealed record StationCommandAnswered(bool Accepted, string Detail) : Trigger;
