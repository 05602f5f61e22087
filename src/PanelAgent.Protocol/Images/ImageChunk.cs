namespace PanelAgent.Protocol.Images;

/// <summary>
/// One piece of one verification image on <c>panels/{id}/images</c>, carried in its own sealed envelope (so each chunk
/// is authenticated on its own). Every chunk repeats the image's description and the SHA-256 of the whole JPEG, so the
/// station can assemble from any order and verify the result end to end.
/// </summary>
/// <param name="ImageId">The panel's image id (unique per panel).</param>
/// <param name="AlarmSeq">The sequence of the alarm event the image belongs to.</param>
/// <param name="CapturedAt">When the frame was taken (panel clock).</param>
/// <param name="Frame">Place in the burst, from 0.</param>
/// <param name="Index">This chunk's index, from 0.</param>
/// <param name="Count">Chunks of this image.</param>
/// <param name="TotalLength">Bytes of the whole JPEG.</param>
/// <param name="Sha256">SHA-256 of the whole JPEG.</param>
/// <param name="Zone">The zone id, if any.</param>
/// <param name="Camera">The camera id.</param>
/// <param name="Data">This chunk's bytes.</param>
public sealed record ImageChunk(
    long ImageId, long AlarmSeq, DateTimeOffset CapturedAt, int Frame, int Index, int Count, int TotalLength,
    byte[] Sha256, string? Zone, string Camera, byte[] Data);
