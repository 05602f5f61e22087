using PanelAgent.Options;
using PanelAgent.Privacy;
using PanelAgent.Runtime;

namespace PanelAgent.Diagnostics;

/// <summary>Everything the socket's commands read from: one parameter object instead of a dozen dependencies.</summary>
public sealed record DiagnosticsContext(
    RuntimeHolder Holder,
    PanelConfig Config,
    RuntimePrivacy Privacy,
    PrivacyRights Rights,
    RingLoggerProvider Logs,
    AgentInfo Agent,
    TimeProvider Time)
{
    /// <summary>The station link's diagnostics, or null when the link is not configured (or not in this build).</summary>
    public ILinkDiagnostics? Link { get; init; }

    /// <summary>The cameras' diagnostics, or null when there are none (or not in this build).</summary>
    public ICameraDiagnostics? Cameras { get; init; }

    /// <summary>The configuration file the agent started from, re-validated by selftest; null when unknown.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Overrides the agent started with (--data), applied when re-validating the file.</summary>
    public IReadOnlyDictionary<string, string?> ConfigOverrides { get; init; } = new Dictionary<string, string?>();

    public PanelRuntime Runtime => Holder.Runtime
        ?? throw new DiagnosticsException(DiagnosticsErrorKinds.Unavailable, "the panel is starting or stopping");
}
