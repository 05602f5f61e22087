using PanelAgent.Diagnostics;

namespace PanelAgent.Cli.Tests.Support;

/// <summary>A link that always answers the same, for golden output (the real link belongs to the link work).</summary>
internal sealed class FakeLinkDiagnostics(bool acknowledged) : ILinkDiagnostics
{
    public LinkStatus Status { get; } = new(acknowledged, "127.0.0.1:8883", TimeSpan.FromMilliseconds(-420), null);

    public Task<LinkTestResult> SendTestAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(acknowledged
            ? new LinkTestResult(true, 17, TimeSpan.FromMilliseconds(38.5), null)
            : new LinkTestResult(false, 17, null, "no acknowledgement within 30 s"));
}

/// <summary>Two cameras, one of them covered.</summary>
internal sealed class FakeCameraDiagnostics : ICameraDiagnostics
{
    public Task<IReadOnlyList<CameraTestResult>> TestAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CameraTestResult>>(
        [
            new("hall-pir", 640, 480, TimeSpan.FromMilliseconds(8.33), 112.4, false, null),
            new("garden", 640, 480, TimeSpan.FromMilliseconds(33.3), 3.1, true, null),
        ]);
}
