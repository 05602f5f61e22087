namespace PanelAgent.Hil.Running;

internal readonly record struct StepVerdict(bool Passed, string Message)
{
    public static StepVerdict Pass(string message = "") => new(true, message);

    public static StepVerdict Fail(string message) => new(false, message);
}
