namespace PanelAgent.Core.Capture;

/// <summary>An image as stored: its id, its record, when it expires (7 days, or a police hold up to 30) and whether the
/// station has it.</summary>
public sealed record StoredImage(long Id, ImageRecord Record, DateTimeOffset ExpiresAt, bool OnHold, DateTimeOffset? SentAt, long Bytes);
