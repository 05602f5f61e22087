namespace PanelAgent.Update.Confirm;

/// <summary>The service manager: restart the agent, and tell when it has reached READY (<c>Type=notify</c>).</summary>
public interface IServiceControl
{
    /// <summary>Null when the restart was accepted, else the reason.</summary>
    Task<string?> RestartAsync(CancellationToken cancellationToken);

    /// <summary>True once the service is READY, false when <paramref name="deadline"/> passed first.</summary>
    Task<bool> WaitReadyAsync(TimeSpan deadline, CancellationToken cancellationToken);
}
