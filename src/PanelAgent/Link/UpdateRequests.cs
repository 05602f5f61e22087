using PanelAgent.Core.State;
using PanelAgent.Update.Requests;

namespace PanelAgent.Link;

/// <summary>
/// The agent's half of a station-triggered update (issue 6 §2): the agent is not root and cannot switch slots or
/// restart itself (a restart would kill an updater in its own cgroup), so it only checks the moment and the bundle
/// name and writes the request for the root <c>panel-agent-update.service</c>. Refusals: <c>panel-busy:armed</c>,
/// <c>panel-busy:alarm</c>, <c>bad-bundle</c> (a name that is not a plain name in the bundle folder: no traversal),
/// <c>no-bundle</c>, <c>update-pending</c>.
/// </summary>
public sealed class UpdateRequests(string stateDirectory, TimeProvider time)
{
    /// <summary>Where bundles are put on the panel (by a technician, a pipeline or a download service).</summary>
    public string BundleDirectory { get; } = Path.Combine(stateDirectory, "bundles");

    /// <summary>The hand-over folder watched by <c>panel-agent-update.path</c>.</summary>
    public string RequestDirectory { get; } = Path.Combine(stateDirectory, "update");

    public string RequestPath => Path.Combine(RequestDirectory, UpdateRequestFiles.RequestFile);

    public string ResultPath => Path.Combine(RequestDirectory, UpdateRequestFiles.ResultFile);

    /// <summary>Null when the request is written; otherwise why not.</summary>
    public string? Request(string id, string? bundle, PanelPhase phase)
    {
        // The root updater checks again (from the database) just before it switches: this is the early, clear answer.
        if (phase == PanelPhase.Alarm)
        {
            return "panel-busy:alarm";
        }

        if (phase != PanelPhase.Disarmed)
        {
            return "panel-busy:armed";
        }

        if (!UpdateRequestFiles.IsValidBundleName(bundle))
        {
            return "bad-bundle";
        }

        if (UpdateRequestFiles.Resolve(BundleDirectory, bundle) is null)
        {
            return "no-bundle";
        }

        if (File.Exists(RequestPath))
        {
            return "update-pending";
        }

        UpdateRequestFiles.Write(RequestPath, new UpdateRequest(id, bundle!, time.GetUtcNow()));
        return null;
    }
}
