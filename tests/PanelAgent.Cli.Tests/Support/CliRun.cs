namespace PanelAgent.Cli.Tests.Support;

/// <summary>One panelctl run: its exit code and what it wrote. The writers are synchronized: a walk test writes while the test reads.</summary>
internal sealed class CliRun
{
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _err = new() { NewLine = "\n" };

    public CliRun()
    {
        Out = TextWriter.Synchronized(_out);
        Err = TextWriter.Synchronized(_err);
    }

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    public int ExitCode { get; set; }

    public string Stdout
    {
        get
        {
            lock (Out)
            {
                return _out.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (Err)
            {
                return _err.ToString();
            }
        }
    }
}
