namespace PanelAgent.Cli;

/// <summary>A failure panelctl reports as one line on stderr and its own exit code.</summary>
public sealed class CliException : Exception
{
    public CliException()
        : this(CliExitCodes.Failed, "failed")
    {
    }

    public CliException(string message)
        : this(CliExitCodes.Failed, message)
    {
    }

    public CliException(string message, Exception inner)
        : base(message, inner)
    {
        ExitCode = CliExitCodes.Failed;
    }

    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
