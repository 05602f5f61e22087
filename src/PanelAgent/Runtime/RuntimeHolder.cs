namespace PanelAgent.Runtime;

/// <summary>Shares the running panel between the hosted services; set once start-up has finished.</summary>
public sealed class RuntimeHolder
{
    private PanelRuntime? _runtime;
    private Capture.CaptureRuntime? _capture;

    public PanelRuntime? Runtime
    {
        get => Volatile.Read(ref _runtime);
        set => Volatile.Write(ref _runtime, value);
    }

    /// <summary>The running capture (issue 4), set by <c>CaptureService</c> once attached; null without cameras.</summary>
    public Capture.CaptureRuntime? Capture
    {
        get => Volatile.Read(ref _capture);
        set => Volatile.Write(ref _capture, value);
    }

    /// <summary>The exit code the process ends with (dotnet/runtime#67146: a failed service would otherwise exit 0).</summary>
    public int ExitCode { get; set; }
}
