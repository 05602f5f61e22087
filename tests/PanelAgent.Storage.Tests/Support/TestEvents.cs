using PanelAgent.Core.Events;

namespace PanelAgent.Storage.Tests.Support;

/// <summary>Synthetic events (P12): user numbers and zone ids only.</summary>
internal static class TestEvents
{
    public static PanelEvent Armed(DateTimeOffset at, int user = 1) => new(EventKinds.ArmedAway, at, User: user, Detail: "away");

    public static PanelEvent Disarmed(DateTimeOffset at, int user = 1) => new(EventKinds.Disarmed, at, User: user);

    public static PanelEvent Intrusion(DateTimeOffset at, string zone = "z1") => new(EventKinds.AlarmIntrusion, at, Zone: zone);

    public static PanelEvent MainsTrouble(DateTimeOffset at) => new(EventKinds.Trouble("mains"), at);

    public static PanelEvent SirenOn(DateTimeOffset at) => new(EventKinds.SirenOn, at);
}
