namespace PanelAgent.Update.Manifest;

/// <summary>The two files every bundle and every installed slot has besides those the manifest lists.</summary>
public static class BundleFiles
{
    public const string Manifest = "manifest.json";

    public const string Signature = "manifest.json.sig";
}
