namespace PanelAgent.Cli.Tests.Support;

/// <summary>
/// The synthetic people of these tests (P12): the codes of sim-villa's users 1, 2 and 9, and one labelled user added
/// by the harness. None of these strings may appear in any default output (P9, P12).
/// </summary>
internal static class SyntheticHousehold
{
    public const string UserCode = "258013";
    public const int LabelledUser = 4;
    public const string LabelledCode = "480271";
    public const string Label = "Ada Synthetic";

    /// <summary>What must never be printed by default: codes and name parts.</summary>
    public static readonly string[] Secrets = ["258013", "741852", "369147", LabelledCode, "Ada", "Synthetic"];
}
