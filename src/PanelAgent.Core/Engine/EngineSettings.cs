using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>The engine's view of the panel configuration, already validated.</summary>
public sealed record EngineSettings
{
    /// <summary>EN 50131-1 caps the entry delay at 45 s.</summary>
    public static readonly TimeSpan MaxEntryDelay = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan MinSirenCutoff = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MaxSirenCutoff = TimeSpan.FromMinutes(15);

    public required IReadOnlyDictionary<string, ZoneDefinition> Zones { get; init; }

    public TimeSpan EntryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ExitDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan SirenCutoff { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>EN 50131 security grade (2 or 3). Grade 3 lengthens lock-outs and codes.</summary>
    public int Grade { get; init; } = 2;

    /// <summary>Wrong codes in a row before the keypad locks.</summary>
    public int LockoutThreshold { get; init; } = 10;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Energise the door-lock relay while armed away (P14).</summary>
    public bool LockDoorWhenArmedAway { get; init; }

    /// <summary>Cut the smart plug while armed away (P14), e.g. an iron or a heater.</summary>
    public bool CutPlugWhenArmedAway { get; init; }

    public static EngineSettings For(params ZoneDefinition[] zones) =>
        new() { Zones = zones.ToDictionary(z => z.Id, StringComparer.Ordinal) };
}
