namespace PanelAgent.Cli;

/// <summary>panelctl's exit codes (sysexits.h where one fits), documented in docs/panelctl.md.</summary>
public static class CliExitCodes
{
    public const int Ok = 0;

    /// <summary>The agent failed while answering (see <c>panelctl logs</c>).</summary>
    public const int Failed = 1;

    /// <summary>The command ran and its check failed: selftest unhealthy, access log broken, link test unanswered...</summary>
    public const int CheckFailed = 2;

    /// <summary>The panel refused: wrong old code, weak code, walk test while armed, user exists...</summary>
    public const int Refused = 3;

    /// <summary>The link or the cameras are not configured on this panel.</summary>
    public const int NotConfigured = 4;

    /// <summary>Unknown command or option, missing or malformed argument.</summary>
    public const int Usage = 64;

    /// <summary>The agent is not running, its socket is missing, or the panel or its database is unavailable.</summary>
    public const int Unavailable = 69;

    /// <summary>The agent answered something panelctl does not understand.</summary>
    public const int Protocol = 70;

    /// <summary>Neither root nor in the technician group.</summary>
    public const int Denied = 77;

    /// <summary><c>config validate</c>: the file is not a valid configuration.</summary>
    public const int ConfigInvalid = 78;

    public static int ForErrorKind(string? kind) => kind switch
    {
        "denied" => Denied,
        "bad-request" => Usage,
        "refused" => Refused,
        "not-configured" => NotConfigured,
        "unavailable" => Unavailable,
        _ => Failed,
    };
}
