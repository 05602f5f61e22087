using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Sealing;

/// <summary>
/// A GCM (key, IV) pair must never seal two messages (NIST SP 800-38D §8). Here the key is derived from the session
/// nonce and the IV from the sequence, so it is enough that no (session, sequence) pair repeats: across restarts,
/// crashes, a restored backup of the epoch store, and a broken random source (each one at a time).
/// </summary>
public class NonceSchemeTests
{
    private const int PerBoot = 500;

    [Fact]
    public void Seal_AcrossCrashesAndRestarts_NeverRepeatsKeyAndIv()
    {
        using var link = new TestLink();
        var store = new InMemoryNonceEpochStore();
        var used = new HashSet<(SessionNonce, ulong)>();

        for (var boot = 0; boot < 5; boot++)
        {
            // Each boot is a new process: the sealer is built again on the same durable store.
            var sealer = MessageSealer.ForPanel(link.PanelKeys, store, link.Time);
            SealMany(sealer, PerBoot, used);
        }

        Assert.Equal(5 * PerBoot, used.Count);
        Assert.Equal(5, used.Select(u => u.Item1.Epoch).Distinct().Count());
    }

    [Fact]
    public void Seal_AfterTheEpochStoreIsRestoredFromABackup_TheSaltKeepsSessionsApart()
    {
        using var link = new TestLink();
        var store = new InMemoryNonceEpochStore(last: 41);
        var backup = store.Snapshot();
        var used = new HashSet<(SessionNonce, ulong)>();
        var before = MessageSealer.ForPanel(link.PanelKeys, store, link.Time);
        SealMany(before, PerBoot, used);

        store.RollBackTo(backup);
        var after = MessageSealer.ForPanel(link.PanelKeys, store, link.Time);
        SealMany(after, PerBoot, used);

        Assert.Equal(before.Session.Epoch, after.Session.Epoch);
        Assert.NotEqual(before.Session.Salt, after.Session.Salt);
        Assert.Equal(2 * PerBoot, used.Count);
        Assert.NotEqual(SessionKey(before.Session), SessionKey(after.Session));
    }

    [Fact]
    public void Seal_AfterACrashWithAStuckRandomSource_TheEpochKeepsSessionsApart()
    {
        using var link = new TestLink();
        var store = new InMemoryNonceEpochStore();
        var used = new HashSet<(SessionNonce, ulong)>();
        static void Stuck(Span<byte> salt) => salt.Fill(0x42);

        var first = MessageSealer.Create(ProtocolRole.Panel, link.PanelKeys, store, link.Time, null, Stuck);
        SealMany(first, PerBoot, used);
        var second = MessageSealer.Create(ProtocolRole.Panel, link.PanelKeys, store, link.Time, null, Stuck);
        SealMany(second, PerBoot, used);

        Assert.Equal(first.Session.Salt, second.Session.Salt);
        Assert.Equal(2 * PerBoot, used.Count);
        Assert.NotEqual(SessionKey(first.Session), SessionKey(second.Session));
    }

    [Fact]
    public void Seal_SessionCounterExhausted_StartsANewSessionWithANewEpoch()
    {
        using var link = new TestLink();
        var store = new InMemoryNonceEpochStore();
        var sealer = MessageSealer.Create(ProtocolRole.Panel, link.PanelKeys, store, link.Time, null, maxSequence: 3);
        var used = new HashSet<(SessionNonce, ulong)>();

        SealMany(sealer, 7, used);

        Assert.Equal(3, store.Taken);
        Assert.Equal([1ul, 2ul, 3ul, 1ul, 2ul, 3ul, 1ul], used.Select(u => u.Item2));
        Assert.Equal(7, used.Count);
    }

    [Fact]
    public void Seal_EpochIsTakenBeforeTheFirstMessage()
    {
        using var link = new TestLink();
        var store = new InMemoryNonceEpochStore();

        var sealer = MessageSealer.ForPanel(link.PanelKeys, store, link.Time);

        Assert.Equal(1, store.Taken);
        Assert.Equal(1u, sealer.Session.Epoch);
    }

    [Fact]
    public void Open_PanelRestoredFromABackup_IsAcceptedWithoutResynchronising()
    {
        // The station saw sequences 1..50 of epoch 42; after a restore the panel starts epoch 42 again at 1.
        using var link = new TestLink();
        var store = new InMemoryNonceEpochStore(last: 41);
        var station = EnvelopeOpener.ForStation(link.StationKeys, new ReplayGuard(link.Time));
        var before = MessageSealer.ForPanel(link.PanelKeys, store, link.Time);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(station.Open(before.Seal(TestLink.PanelId, TopicKind.Events, [1]), TestLink.PanelId, TopicKind.Events).IsAccepted);
        }

        store.RollBackTo(41);
        var after = MessageSealer.ForPanel(link.PanelKeys, store, link.Time);
        var result = station.Open(after.Seal(TestLink.PanelId, TopicKind.Events, [2]), TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.Accepted, result.Status);
        Assert.Equal(1ul, result.Header!.Sequence);
    }

    private static void SealMany(MessageSealer sealer, int count, HashSet<(SessionNonce, ulong)> used)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(EnvelopeReader.TryRead(sealer.Seal(TestLink.PanelId, TopicKind.Events, [(byte)i]), out var header, out _));
            Assert.True(used.Add((header!.Session, header.Sequence)), $"(session, sequence) repeated at message {i}");
        }
    }

    private static string SessionKey(SessionNonce session)
    {
        var key = new byte[32];
        var uplink = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.PanelId, 1);
        MessageCrypto.DeriveSessionKey(uplink, session, key);
        return Convert.ToHexString(key);
    }
}
