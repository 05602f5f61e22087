namespace PanelAgent.Update.Journal;

/// <summary>The update's steps, in order; each is written to the journal (synced) before the next begins.</summary>
public enum UpdateStep
{
    /// <summary>The bundle verified and the moment is safe; the other slot is being written.</summary>
    Staging,

    /// <summary>The other slot holds the whole new release, verified again in place.</summary>
    Staged,

    /// <summary><c>current</c> points at the new slot.</summary>
    Switched,

    /// <summary>The service was restarted on the new slot; confirmation runs.</summary>
    Restarted,

    /// <summary>The new release reached READY, passed its health check and the station acknowledged.</summary>
    Confirmed,

    /// <summary>Confirmation failed (or was interrupted): going back to the previous slot.</summary>
    RollingBack,
}
