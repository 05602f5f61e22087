using System.Text;
using System.Text.Json;
using PanelAgent.Core.Events;
using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Protocol.Tests.Payloads;

public class EventPayloadCodecTests
{
    private static readonly DateTimeOffset s_at = new(2025, 1, 15, 13, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void From_StoredAlarm_CarriesSeqIdsAndCodes()
    {
        var stored = new StoredEvent(17, new PanelEvent(EventKinds.AlarmIntrusion, s_at, Zone: "living-room"));

        var payload = EventPayload.From(stored);

        Assert.Equal(new EventPayload(17, "alarm.intrusion", "living-room", null, null, s_at.ToUniversalTime(), "BA", "1130"), payload);
        Assert.Equal(TimeSpan.Zero, payload.At.Offset);
    }

    [Fact]
    public void From_ZoneRestoredAfterTamper_UsesTheTamperRestore()
    {
        var stored = new StoredEvent(18, new PanelEvent(EventKinds.ZoneRestored, s_at, Zone: "panel-tamper"));

        var payload = EventPayload.From(stored, restoredAlarmKind: EventKinds.AlarmTamper);

        Assert.Equal(("TR", "3137"), (payload.Sia, payload.Cid));
    }

    [Fact]
    public void From_LocalOnlyKind_HasNoCodes()
    {
        var payload = EventPayload.From(new StoredEvent(19, new PanelEvent(EventKinds.SirenOn, s_at)));

        Assert.Null(payload.Sia);
        Assert.Null(payload.Cid);
    }

    [Fact]
    public void Encode_UsesTheDocumentedNames()
    {
        var payload = EventPayload.From(new StoredEvent(20, new PanelEvent(EventKinds.Disarmed, s_at, User: 3)));

        var json = Encoding.UTF8.GetString(EventPayloadCodec.Encode(payload));

        Assert.Equal(
            "{\"seq\":20,\"kind\":\"disarmed\",\"user\":3,\"at\":\"2025-01-15T12:00:00+00:00\",\"sia\":\"OP\",\"cid\":\"1401\"}",
            json);
    }

    [Fact]
    public void TryDecode_WhatEncodeWrote_RoundTrips()
    {
        var payload = EventPayload.From(new StoredEvent(21, new PanelEvent(EventKinds.ArmRefused, s_at, User: 1, Detail: "hall,kitchen")));

        Assert.True(EventPayloadCodec.TryDecode(EventPayloadCodec.Encode(payload), out var decoded));
        Assert.Equal(payload, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"seq\":\"x\"}")]
    [InlineData("{\"seq\":1,\"kind\":\"\"}")]
    public void TryDecode_NotAnEventPayload_IsFalse(string json) =>
        Assert.False(EventPayloadCodec.TryDecode(Encoding.UTF8.GetBytes(json), out _));

    [Fact]
    public void Encode_IsPlainJson() =>
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(EventPayloadCodec.Encode(
            EventPayload.From(new StoredEvent(1, new PanelEvent(EventKinds.ArmedAway, s_at, User: 1))))).RootElement.ValueKind);
}
