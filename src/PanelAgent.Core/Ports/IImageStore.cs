using PanelAgent.Core.Capture;

namespace PanelAgent.Core.Ports;

/// <summary>
/// Verification images on the panel, encrypted at rest with a key per image (P6, P13). Retention: 7 days, at most 30
/// on a police hold; a quota evicts the oldest images not on hold. Throws <see cref="StorageUnavailableException"/>
/// when the store cannot be written.
/// </summary>
public interface IImageStore
{
    /// <summary>Stores one image; returns its id.</summary>
    long Save(ImageRecord image, ReadOnlySpan<byte> jpeg);

    /// <summary>Reads and decrypts an image; null when it is gone (expired, deleted, discarded).</summary>
    byte[]? Read(long imageId);

    /// <summary>The images of one alarm, oldest first.</summary>
    IReadOnlyList<StoredImage> ForAlarm(long alarmSeq);

    /// <summary>Marks held (sabotage-check) images of an alarm as released for sending; returns how many.</summary>
    int Release(long alarmSeq);

    /// <summary>Deletes the withheld (sabotage-check) images of an alarm (key row and file); returns how many.</summary>
    int Discard(long alarmSeq);

    /// <summary>Records that the station has an image.</summary>
    void MarkSent(long imageId, DateTimeOffset at);

    /// <summary>Images stored and not yet sent, released ones included, held ones excluded.</summary>
    IReadOnlyList<StoredImage> Unsent(int max);

    /// <summary>
    /// P6 police hold: keeps the images of <paramref name="alarmSeq"/> until <paramref name="until"/>, clamped to 30 days
    /// from each image's capture; never shortens. Returns how many images are held.
    /// </summary>
    int Hold(long alarmSeq, DateTimeOffset until, string actor);

    /// <summary>Deletes expired images (key row, then file); returns how many.</summary>
    int Prune(DateTimeOffset now);

    /// <summary>Images stored now.</summary>
    int Count { get; }
}
