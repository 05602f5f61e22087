using System.Diagnostics;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;

namespace PanelAgent.Bench;

/// <summary>An image store that notes when the first image after <see cref="Reset"/> was saved.</summary>
internal sealed class FirstSaveClock(IImageStore inner) : IImageStore
{
    public long FirstSave { get; private set; }

    public int Count => inner.Count;

    public void Reset() => FirstSave = 0;

    public long Save(ImageRecord image, ReadOnlySpan<byte> jpeg)
    {
        var id = inner.Save(image, jpeg);
        if (FirstSave == 0)
        {
            FirstSave = Stopwatch.GetTimestamp();
        }

        return id;
    }

    public byte[]? Read(long imageId) => inner.Read(imageId);

    public IReadOnlyList<StoredImage> ForAlarm(long alarmSeq) => inner.ForAlarm(alarmSeq);

    public int Release(long alarmSeq) => inner.Release(alarmSeq);

    public int Discard(long alarmSeq) => inner.Discard(alarmSeq);

    public void MarkSent(long imageId, DateTimeOffset at) => inner.MarkSent(imageId, at);

    public IReadOnlyList<StoredImage> Unsent(int max) => inner.Unsent(max);

    public int Hold(long alarmSeq, DateTimeOffset until, string actor) => inner.Hold(alarmSeq, until, actor);

    public int Prune(DateTimeOffset now) => inner.Prune(now);
}
