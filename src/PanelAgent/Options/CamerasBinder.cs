namespace PanelAgent.Options;

/// <summary>Binds and validates the optional <c>Cameras</c> section against the panel's zones.</summary>
internal static class CamerasBinder
{
    public static CamerasOptions? Bind(IConfiguration configuration, PanelOptions panel, Storage.StorageOptions storage,
        List<string> errors, Func<string, CamerasOptions> bindSection)
    {
        // Checked against zones and the storage path, so only once those are valid: a camera error that merely
        // repeats a zone or storage error would bury the real one.
        if (!configuration.GetSection(CamerasOptions.SectionName).Exists() || errors.Count > 0)
        {
            return null;
        }

        var count = errors.Count;
        var cameras = bindSection(CamerasOptions.SectionName);
        if (errors.Count > count)
        {
            return null;
        }

        // No directory given: beside the database, so --data and the scenario runner's temporary folders carry it along.
        if (string.IsNullOrEmpty(cameras.Images.Directory) && Path.IsPathFullyQualified(storage.Path))
        {
            cameras.Images.Directory = Path.Combine(Path.GetDirectoryName(storage.Path)!, "images");
        }

        var zones = ZoneTypesOf(panel);
        errors.AddRange(cameras.Validate(zones));
        return errors.Count > count ? null : cameras;
    }

    public static Dictionary<string, Core.Zones.ZoneType> ZoneTypesOf(PanelOptions panel)
    {
        var zones = new Dictionary<string, Core.Zones.ZoneType>(StringComparer.Ordinal);
        foreach (var zone in panel.Zones)
        {
            if (ZoneTypes.TryParse(zone.Type, out var type))
            {
                zones[zone.Id] = type;
            }
        }

        return zones;
    }
}
