namespace PanelAgent.Update.Confirm;

/// <summary>The alarm station's end-to-end acknowledgement of an event sent by the new release.</summary>
public interface IStationAck
{
    /// <summary>True when the station acknowledged an event of <paramref name="version"/> within <paramref name="deadline"/>.</summary>
    Task<bool> WaitAsync(string version, TimeSpan deadline, CancellationToken cancellationToken);
}
