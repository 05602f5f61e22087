namespace PanelAgent.Update.Safety;

/// <summary>Reads the running panel's activity (armed, alarm, alarm in the outbox) at the moment of asking.</summary>
public interface IPanelActivity
{
    PanelActivity Read();
}
