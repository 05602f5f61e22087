namespace PanelAgent.Options;

/// <summary>One zone: its id, its type (entry, perimeter, interior, camera-pir, fire, panic, silent, tamper,
/// technical), the trouble kind of a technical zone, and its debounce.</summary>
public sealed class ZoneOptions
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    /// <summary>For technical zones: mains, battery, water...</summary>
    public string? Kind { get; set; }

    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(50);
}
