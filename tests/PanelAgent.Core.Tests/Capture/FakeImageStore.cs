using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;

namespace PanelAgent.Core.Tests.Capture;

/// <summary>An in-memory image store (NSubstitute cannot match a ReadOnlySpan argument).</summary>
internal sealed class FakeImageStore : IImageStore
{
    public List<ImageRecord> Saved { get; } = [];

    public List<long> Released { get; } = [];

    public List<long> Discarded { get; } = [];

    public bool Failing { get; set; }

    public int Count => Saved.Count;

    public long Save(ImageRecord image, ReadOnlySpan<byte> jpeg)
    {
        if (Failing)
        {
            throw new StorageUnavailableException("disk full");
        }

        Saved.Add(image);
        return Saved.Count;
    }

    public byte[]? Read(long imageId) => null;

    public IReadOnlyList<StoredImage> ForAlarm(long alarmSeq) => [];

    public int Release(long alarmSeq)
    {
        Released.Add(alarmSeq);
        return 1;
    }

    public int Discard(long alarmSeq)
    {
        Discarded.Add(alarmSeq);
        return 1;
    }

    public void MarkSent(long imageId, DateTimeOffset at)
    {
    }

    public IReadOnlyList<StoredImage> Unsent(int max) => [];

    public int Hold(long alarmSeq, DateTimeOffset until, string actor) => 0;

    public int Prune(DateTimeOffset now) => 0;
}
