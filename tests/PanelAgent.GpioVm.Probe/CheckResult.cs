namespace PanelAgent.GpioVm.Probe;

/// <summary>The outcome of one check, printed as one line the host script parses: <c>PASS name detail</c>.</summary>
/// <param name="Name">A short name without spaces.</param>
/// <param name="Passed">True when the check held.</param>
/// <param name="Detail">What was seen, for a person reading the console.</param>
public sealed record CheckResult(string Name, bool Passed, string Detail)
{
    /// <summary>The console line.</summary>
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Name} {Detail}";
}
