namespace PanelAgent.Diagnostics;

/// <summary>A request the agent answers with an error of a known kind (<see cref="DiagnosticsErrorKinds"/>).</summary>
public sealed class DiagnosticsException : Exception
{
    public DiagnosticsException()
        : this(DiagnosticsErrorKinds.Failed, "failed")
    {
    }

    public DiagnosticsException(string message)
        : this(DiagnosticsErrorKinds.Failed, message)
    {
    }

    public DiagnosticsException(string message, Exception inner)
        : base(message, inner)
    {
        Kind = DiagnosticsErrorKinds.Failed;
    }

    public DiagnosticsException(string kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public string Kind { get; }
}
