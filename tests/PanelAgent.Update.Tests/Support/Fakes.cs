using PanelAgent.Update.Confirm;
using PanelAgent.Update.Safety;

namespace PanelAgent.Update.Tests.Support;

/// <summary>The service manager, scripted: counts restarts, answers READY as told.</summary>
internal sealed class FakeServiceControl : IServiceControl
{
    public bool BecomesReady { get; set; } = true;

    public int Restarts { get; private set; }

    public Task<string?> RestartAsync(CancellationToken cancellationToken)
    {
        Restarts++;
        return Task.FromResult<string?>(null);
    }

    public Task<bool> WaitReadyAsync(TimeSpan deadline, CancellationToken cancellationToken) => Task.FromResult(BecomesReady);
}

internal sealed class FakeHealthCheck(string? failure = null) : IHealthCheck
{
    public Task<string?> RunAsync(CancellationToken cancellationToken) => Task.FromResult(failure);
}

internal sealed class FakeStationAck(bool acknowledges) : IStationAck
{
    public Task<bool> WaitAsync(string version, TimeSpan deadline, CancellationToken cancellationToken) =>
        Task.FromResult(acknowledges);
}

internal sealed class FakePanelActivity(PanelActivity activity) : IPanelActivity
{
    public PanelActivity Read() => activity;
}
