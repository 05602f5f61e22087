using System.Text.Json;
using System.Text.RegularExpressions;
using PanelAgent.Diagnostics;
using PanelAgent.Hardware.Options;
using PanelAgent.Storage;
using PanelAgent.Transport;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Options;

/// <summary>
/// Reads the one JSON configuration file, binds its sections and validates them all, so a bad file is reported
/// whole, each error naming its field, before anything opens.
/// </summary>
public static partial class ConfigLoader
{
    public static PanelConfig Load(string path, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"--config: no file at '{path}'");
        }

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false)
                .AddInMemoryCollection(overrides ?? [])
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or FormatException)
        {
            throw new ConfigException($"{path}: not valid JSON: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        return Bind(configuration);
    }

    public static PanelConfig Bind(IConfiguration configuration)
    {
        var errors = new List<string>();
        var panel = BindSection<PanelOptions>(configuration, PanelOptions.SectionName, errors, static (c, o, b) => c.Bind(o, b));
        var hardware = BindSection<HardwareOptions>(configuration, HardwareOptions.SectionName, errors, static (c, o, b) => c.Bind(o, b));
        var storage = BindSection<StorageOptions>(configuration, StorageOptions.SectionName, errors, static (c, o, b) => c.Bind(o, b));
        var diagnostics = BindSection<DiagnosticsOptions>(configuration, DiagnosticsOptions.SectionName, errors, static (c, o, b) => c.Bind(o, b));
        if (errors.Count == 0)
        {
            errors.AddRange(PanelOptionsValidator.Validate(panel));
            errors.AddRange(hardware.Validate());
            errors.AddRange(storage.Validate());
            errors.AddRange(CrossCheck(panel, hardware));
            errors.AddRange(diagnostics.Validate());
        }

        var link = BindLink(configuration, errors);
        var cameras = CamerasBinder.Bind(configuration, panel, storage, errors, c => BindSection<CamerasOptions>(configuration, c, errors, static (s, o, b) => s.Bind(o, b)));
        return errors.Count > 0
            ? throw new ConfigException(errors)
            : new PanelConfig(panel, hardware, storage, link) { Diagnostics = diagnostics, Cameras = cameras };
    }

    /// <summary>
    /// The optional station link: <c>Link</c> (broker, TLS), <c>Uplink</c> (outbox sending) and <c>LinkKeys</c>
    /// (end-to-end keys). No <c>Link</c> section: no link, and <c>Uplink</c> or <c>LinkKeys</c> alone is an error,
    /// because a half-configured link silently doing nothing is worse than a refusal to start.
    /// </summary>
    private static LinkConfig? BindLink(IConfiguration configuration, List<string> errors)
    {
        if (!configuration.GetSection(MqttLinkOptions.SectionName).Exists())
        {
            foreach (var orphan in new[] { EventUplinkOptions.SectionName, LinkKeysOptions.SectionName })
            {
                if (configuration.GetSection(orphan).Exists())
                {
                    errors.Add($"{orphan}: needs a {MqttLinkOptions.SectionName} section (the broker to send to).");
                }
            }

            return null;
        }

        var count = errors.Count;
        var link = BindSection<MqttLinkOptions>(configuration, MqttLinkOptions.SectionName, errors, static (c, o, b) => c.Bind(o, b));
        var uplink = BindSection<EventUplinkOptions>(configuration, EventUplinkOptions.SectionName, errors, static (c, o, b) => c.Bind(o, b));
        var keys = BindSection<LinkKeysOptions>(configuration, LinkKeysOptions.SectionName, errors, static (c, o, b) => c.Bind(o, b));
        if (errors.Count > count)
        {
            return null;
        }

        // The uplink's panel id is the link's unless stated; stated differently, the ACL would refuse every publish.
        if (uplink.PanelId.Length == 0)
        {
            uplink.PanelId = link.PanelId;
        }
        else if (uplink.PanelId != link.PanelId)
        {
            errors.Add($"{EventUplinkOptions.SectionName}:{nameof(EventUplinkOptions.PanelId)}: '{uplink.PanelId}' " +
                $"differs from {MqttLinkOptions.SectionName}:{nameof(MqttLinkOptions.PanelId)} '{link.PanelId}'.");
        }

        errors.AddRange(link.Validate());
        errors.AddRange(uplink.Validate());
        if (errors.Count > count)
        {
            return null;
        }

        var material = PanelLinkKeys.Load(keys, link.PanelId, errors);
        return material is null ? null : new LinkConfig(link, uplink, material);
    }

    /// <summary>
    /// <paramref name="bind"/> is one concrete <c>Bind</c> call per section type (not a generic one here): the
    /// configuration-binding source generator, on in trimmed and Native AOT builds, can only generate code for calls
    /// whose type it sees; a generic call kept the reflection binder, which AOT trims bare (docs/release.md).
    /// </summary>
    private static T BindSection<T>(
        IConfiguration configuration, string name, List<string> errors, Action<IConfiguration, T, Action<BinderOptions>> bind)
        where T : new()
    {
        var options = new T();
        try
        {
            // ErrorOnUnknownConfiguration: a misspelt key is an error naming it, not a silently ignored setting.
            bind(configuration.GetSection(name), options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"{name}: {Describe(ex)}");
        }

        return options;
    }

    /// <summary>
    /// Inside a list (Zones, Users, Inputs) the binder wraps the failure in a generic "binding has failed"; the inner
    /// exception is the one naming the field. The value is left out of conversion failures: it could be a code typed
    /// into the wrong field, and config errors go to the journal (P9).
    /// </summary>
    private static string Describe(InvalidOperationException ex)
    {
        while (ex.InnerException is InvalidOperationException inner)
        {
            ex = inner;
        }

        return ConvertedValue().Replace(ex.Message, "value at '");
    }

    [GeneratedRegex("value '.*' at '", RegexOptions.Singleline)]
    private static partial Regex ConvertedValue();

    /// <summary>Every zone needs wiring, and every wired input a zone.</summary>
    private static IEnumerable<string> CrossCheck(PanelOptions panel, HardwareOptions hardware)
    {
        var zones = panel.Zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        var wired = hardware.Inputs.Select(i => i.Zone).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < panel.Zones.Count; i++)
        {
            if (!wired.Contains(panel.Zones[i].Id))
            {
                yield return $"Panel:Zones[{i}]:Id: zone '{panel.Zones[i].Id}' has no input under Hardware:Inputs";
            }
        }

        for (var i = 0; i < hardware.Inputs.Count; i++)
        {
            if (!zones.Contains(hardware.Inputs[i].Zone))
            {
                yield return $"Hardware:Inputs[{i}]:Zone: '{hardware.Inputs[i].Zone}' is not a zone under Panel:Zones";
            }
        }
    }
}
