using System.Globalization;
using PanelAgent.Hardware.Options;
using PanelAgent.Options;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// Checks a parsed rig map against the panel file it names: every zone exists, a tamper line goes to a zone with a
/// tamper input, each level matches how the panel reads that input (a contact wired straight through), each rig line
/// is used once and each zone signal has one line, and every watched output is fitted on the panel.
/// </summary>
public static class RigMapChecks
{
    public static PanelConfig AgainstPanel(RigMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        PanelConfig panel;
        try
        {
            panel = ConfigLoader.Load(map.PanelConfigPath);
        }
        catch (ConfigException ex)
        {
            throw new RigMapException(map.Source, "$.panel", "the panel file is not valid: " + ex.Message);
        }

        var lines = new HashSet<int>();
        var signals = new HashSet<(string, RigSignal)>();
        for (var i = 0; i < map.Drives.Count; i++)
        {
            var at = $"$.drives[{i.ToString(CultureInfo.InvariantCulture)}]";
            var drive = map.Drives[i];
            Require(map, lines.Add(drive.Line), at + ".line", $"line {drive.Line} is used twice");
            Require(map, signals.Add((drive.Zone, drive.Signal)), at + ".signal", $"zone \"{drive.Zone}\" already has a {Name(drive.Signal)} line");
            CheckDrive(map, panel, drive, at);
        }

        for (var i = 0; i < map.Watches.Count; i++)
        {
            var at = $"$.watches[{i.ToString(CultureInfo.InvariantCulture)}]";
            var watch = map.Watches[i];
            Require(map, lines.Add(watch.Line), at + ".line", $"line {watch.Line} is used twice");
            var output = watch.Output switch
            {
                "siren" => panel.Hardware.Outputs.Siren,
                "lock" => panel.Hardware.Outputs.DoorLock,
                _ => panel.Hardware.Outputs.SmartPlug,
            };
            Require(map, output is not null, at + ".output", $"the panel has no {watch.Output} output");
            Require(map, output!.ActiveLow == watch.ActiveLow, at + ".activeLevel", $"the panel drives its {watch.Output} active {Level(output.ActiveLow)}");
        }

        return panel;
    }

    private static void CheckDrive(RigMap map, PanelConfig panel, RigDrive drive, string at)
    {
        var zone = panel.Panel.Zones.FirstOrDefault(z => z.Id == drive.Zone);
        Require(map, zone is not null, at + ".zone", $"the panel has no zone \"{drive.Zone}\"");
        var input = panel.Hardware.Inputs.FirstOrDefault(i => i.Zone == drive.Zone);
        Require(map, input is not null, at + ".zone", $"the panel has no input for zone \"{drive.Zone}\" in Hardware:Inputs");
        var activeLow = drive.Signal switch
        {
            RigSignal.Detector => input!.ActiveLow,
            RigSignal.Tamper => TamperLevel(map, zone!.Type, input!, at),
            _ => drive.ActiveLow, // a fault relay's level is the rig's own business
        };
        Require(map, activeLow == drive.ActiveLow, at + ".activeLevel",
            $"the panel reads zone \"{drive.Zone}\"'s {Name(drive.Signal)} active {Level(activeLow)}");
    }

    private static bool TamperLevel(RigMap map, string zoneType, ZoneInputOptions input, string at)
    {
        // A tamper-type zone (the panel's lid switch) is its own detector: drive it with a detector line.
        Require(map, zoneType != "tamper", at + ".signal", $"zone \"{input.Zone}\" is a tamper zone: wire its switch as its detector");
        Require(map, input.TamperLine is not null, at + ".signal", $"zone \"{input.Zone}\" has no tamper input on the panel");
        return input.TamperActiveLow;
    }

    private static void Require(RigMap map, bool condition, string path, string detail)
    {
        if (!condition)
        {
            throw new RigMapException(map.Source, path, detail);
        }
    }

    private static string Name(RigSignal signal) => signal.ToString().ToLowerInvariant();

    private static string Level(bool activeLow) => activeLow ? "low" : "high";
}
