namespace PanelAgent.Hil;

/// <summary>What <c>panel-hil</c> returns, for CI and scripts.</summary>
public static class ExitCodes
{
    /// <summary>Every step of every scenario held.</summary>
    public const int Passed = 0;

    /// <summary>A step failed (or a target could not be started for a scenario).</summary>
    public const int StepFailed = 1;

    /// <summary>Bad arguments, a malformed scenario file, or nothing to run against: no scenario ran.</summary>
    public const int Usage = 2;

    /// <summary>The rig map (<c>--rig</c>) cannot be used: the message names its JSON path. No scenario ran.</summary>
    public const int RigMap = 3;
}
