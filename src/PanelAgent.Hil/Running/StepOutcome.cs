namespace PanelAgent.Hil.Running;

public enum StepOutcome
{
    Passed,
    Failed,
    /// <summary>Not run, because an earlier step failed: later steps assume what it should have established.</summary>
    Skipped,
}
