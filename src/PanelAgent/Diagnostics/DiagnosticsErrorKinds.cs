namespace PanelAgent.Diagnostics;

/// <summary>The <c>kind</c> of an error answer on the socket; panelctl maps each to its exit code.</summary>
public static class DiagnosticsErrorKinds
{
    /// <summary>The peer is neither root nor in the technician group.</summary>
    public const string Denied = "denied";

    /// <summary>The request is malformed: unknown command, missing or bad argument.</summary>
    public const string BadRequest = "bad-request";

    /// <summary>The panel refused: wrong old code, armed during a walk test request, user exists...</summary>
    public const string Refused = "refused";

    /// <summary>The link or the cameras are not part of this panel (or this build).</summary>
    public const string NotConfigured = "not-configured";

    /// <summary>The panel or its database is not available right now.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Anything else that went wrong while answering.</summary>
    public const string Failed = "failed";
}
