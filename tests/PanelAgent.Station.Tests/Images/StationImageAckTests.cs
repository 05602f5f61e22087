using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Tests.Support;

namespace PanelAgent.Station.Tests.Images;

/// <summary>
/// The station's end-to-end acknowledgement of images, through a real Mosquitto: an image counts as delivered only once
/// the station has written it and said so on the panel's signed <c>acks</c> topic.
/// </summary>
public sealed class StationImageAckTests : IAsyncLifetime
{
    private StationHarness _harness = null!;
    private string _folder = null!;
    private FakePanel _panel = null!;

    public async Task InitializeAsync()
    {
        _harness = await StationHarness.StartAsync();
        _folder = _harness.Pki.PathOf("images");
        _panel = await _harness.ConnectPanelAsync("panel-a");
        await _harness.StartStationAsync("station-1", o => o with { ImagesFolder = _folder });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ImageWritten_StationAcknowledgesItsIdOnTheSignedAckTopic()
    {
        await _panel.SendImageAsync(ImageAssemblerTests.Jpeg(20_000, 1), imageId: 5, alarmSeq: 11);

        var ack = await NextAcceptedAckAsync();

        Assert.Equal([5L], ack.Images);
        Assert.Empty(ack.Seqs);
        Assert.Single(Directory.GetFiles(_folder, "panel-a-11-hall-cam-0-5.jpg"));
    }

    [Fact]
    public async Task ImageSentAgainAfterItWasWritten_AcknowledgedAgain()
    {
        var jpeg = ImageAssemblerTests.Jpeg(20_000, 2);
        await _panel.SendImageAsync(jpeg, imageId: 6, alarmSeq: 11);
        Assert.Equal([6L], (await NextAcceptedAckAsync()).Images);

        // The panel never saw that ack (lost, or the panel restarted): it sends the whole image again, sealed afresh.
        await _panel.SendImageAsync(jpeg, imageId: 6, alarmSeq: 11);

        Assert.Equal([6L], (await NextAcceptedAckAsync()).Images);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task EventAndImageInterleaved_EveryAckAcceptedByThePanelsReplayGuard()
    {
        // Acks for one panel are sealed with increasing sequences; published out of order, the panel would refuse the
        // older one as a replay. Events and images reach the station through different paths, so this checks the order.
        for (var i = 0; i < 5; i++)
        {
            await _panel.SendImageAsync(ImageAssemblerTests.Jpeg(3_000, 10 + i), imageId: 20 + i, alarmSeq: 30 + i);
            await _panel.SendAsync(FakePanel.Event(30 + i));
        }

        var images = new List<long>();
        var seqs = new List<long>();
        while (images.Count < 5 || seqs.Count < 5)
        {
            var ack = await NextAcceptedAckAsync();
            images.AddRange(ack.Images ?? []);
            seqs.AddRange(ack.Seqs);
        }

        Assert.Equal([20L, 21, 22, 23, 24], images.Order());
        Assert.Equal([30L, 31, 32, 33, 34], seqs.Distinct().Order());
    }

    /// <summary>The next ack; every one must pass the panel's opener (signature, window, increasing sequence).</summary>
    private async Task<AckPayload> NextAcceptedAckAsync()
    {
        var opened = await _panel.NextAckAsync();
        Assert.Equal(OpenStatus.Accepted, opened.Status);
        Assert.True(AckPayloadCodec.TryDecode(opened.Payload, out var ack));
        return ack!;
    }
}
