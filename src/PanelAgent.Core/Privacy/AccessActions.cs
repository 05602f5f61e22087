namespace PanelAgent.Core.Privacy;

/// <summary>The actions the access log records (issue 5 §3). Strings, because they are read by people and tools.</summary>
public static class AccessActions
{
    public const string ImageCaptured = "image.captured";
    public const string ImageSent = "image.sent";
    public const string ImageHeld = "image.held";
    public const string ImageDeleted = "image.deleted";
    public const string ImageDiscarded = "image.discarded";
    /// <summary>A technician's camera test took a frame: measured on the panel and discarded, never stored or sent.</summary>
    public const string CameraTestFrame = "camera.test-frame";
    public const string PrivacyExported = "privacy.exported";
    public const string PrivacyErased = "privacy.erased";
    public const string PrivacyRestricted = "privacy.restricted";
    public const string PrivacyRestrictionLifted = "privacy.restriction-lifted";
    public const string SessionOpened = "session.opened";
    public const string SessionRefused = "session.refused";
    public const string SessionCommand = "session.command";
    public const string StationCommand = "station.command";
    public const string CodeChanged = "code.changed";
    public const string CodeLockout = "code.lockout";
    public const string UserAdded = "user.added";
    public const string UserRemoved = "user.removed";
}
