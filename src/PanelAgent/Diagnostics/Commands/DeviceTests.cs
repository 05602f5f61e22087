using System.Text.Json.Nodes;

namespace PanelAgent.Diagnostics.Commands;

/// <summary><c>link-test</c> (a heartbeat out of turn, acknowledged by the station) and <c>camera-test</c> ("not configured" until the cameras are wired in).</summary>
internal static class DeviceTests
{
    private static readonly TimeSpan s_linkTimeout = TimeSpan.FromSeconds(30);

    public static async Task<JsonObject> LinkAsync(DiagnosticsContext context, CommandRequest request)
    {
        var link = context.Link ?? throw NotConfigured("the station link is not configured on this panel");
        var result = await link.SendTestAsync(s_linkTimeout, request.Cancellation).ConfigureAwait(false);
        return new JsonObject
        {
            ["acknowledged"] = result.Acknowledged,
            ["sequence"] = result.Sequence,
            ["roundTripMs"] = result.RoundTrip is { } rtt ? Math.Round(rtt.TotalMilliseconds, 1) : null,
            ["problem"] = result.Problem,
        };
    }

    public static async Task<JsonObject> CameraAsync(DiagnosticsContext context, CommandRequest request)
    {
        var cameras = context.Cameras ?? throw NotConfigured("no camera is configured on this panel");
        var results = await cameras.TestAsync(request.Cancellation).ConfigureAwait(false);
        return new JsonObject
        {
            ["cameras"] = Json.Array(results.Select(r => (JsonNode)new JsonObject
            {
                ["camera"] = r.Camera,
                ["width"] = r.Width,
                ["height"] = r.Height,
                ["exposureMs"] = r.Exposure is { } e ? Math.Round(e.TotalMilliseconds, 2) : null,
                ["meanBrightness"] = r.MeanBrightness is { } b ? Math.Round(b, 1) : null,
                ["lensCovered"] = r.LensCovered,
                ["problem"] = r.Problem,
            })),
        };
    }

    private static DiagnosticsException NotConfigured(string message) => new(DiagnosticsErrorKinds.NotConfigured, message);
}
