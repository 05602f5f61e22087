namespace PanelAgent.Bench;

/// <summary>
/// One measured figure. <paramref name="Baseline"/> and <paramref name="Ratio"/> are set when the figure has a floor
/// measured in the same run; <paramref name="Target"/> is the target, printed for the reader, never enforced.
/// <paramref name="Build"/> names the build a figure belongs to when an area compares builds (release).
/// </summary>
internal sealed record Figure(
    string Name, double Value, string Unit, double? Baseline = null, double? Ratio = null, string? Target = null,
    string? Build = null);
