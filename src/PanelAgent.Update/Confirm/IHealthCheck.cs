namespace PanelAgent.Update.Confirm;

/// <summary>The release's own health check (<c>panelctl selftest</c>).</summary>
public interface IHealthCheck
{
    /// <summary>Null when healthy, else the reason.</summary>
    Task<string?> RunAsync(CancellationToken cancellationToken);
}
