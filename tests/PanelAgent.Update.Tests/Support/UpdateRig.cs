using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Update.Signing;
using PanelAgent.Update.Slots;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update.Tests.Support;

/// <summary>
/// A panel's update layout in a temp folder: slot root with release 1.0.1 installed in slot a (<c>current</c> → a),
/// a trusted-keys folder holding the test key, a database path, and a place for bundles.
/// </summary>
internal sealed class UpdateRig : IDisposable
{
    public const string InstalledVersion = "1.0.1";
    private readonly TempDirectory _temp = new();
    private int _bundles;

    public UpdateRig()
    {
        Key.TrustIn(KeysDirectory, "release-2026");
        var initial = new BundleBuilder(InstalledVersion).Write(_temp.Combine("factory"), Key);
        var slots = new SlotStore(Root);
        Directory.CreateDirectory(Root);
        slots.StageAsync(BundleReader.ReadVerified(initial, TrustedKeys.Load(KeysDirectory)), "a", () => Task.CompletedTask)
            .GetAwaiter().GetResult();
        slots.Switch("a");
    }

    public SigningKey Key { get; } = new();

    public string Root => _temp.Combine("opt", "panelagent");

    public string KeysDirectory => _temp.Combine("etc", "release-keys");

    public string DatabasePath => _temp.Combine("var", "panel.db");

    public SlotStore Slots => new(Root);

    public UpdateSettings Settings => new()
    {
        Root = Root, KeysDirectory = KeysDirectory, DatabasePath = DatabasePath,
        ReadyDeadline = TimeSpan.FromSeconds(5), AckDeadline = TimeSpan.FromSeconds(5),
    };

    /// <summary>A new bundle folder written by <paramref name="builder"/>, signed by <paramref name="key"/> (default: the trusted key).</summary>
    public string Bundle(BundleBuilder builder, SigningKey? key = null) =>
        builder.Write(_temp.Combine("bundles", $"{++_bundles}"), key ?? Key);

    public Updater Updater(ReleaseProbes probes) => new(Settings, probes, NullLogger.Instance);

    public string CurrentVersionLine() => File.ReadAllText(Path.Combine(Root, "current", "panel-agent"));

    public void Dispose()
    {
        Key.Dispose();
        _temp.Dispose();
    }
}
