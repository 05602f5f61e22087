using System.Text.RegularExpressions;
using PanelAgent.Core.Codes;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Retention;

namespace PanelAgent.Options;

/// <summary>Checks the Panel section; every message starts with the field's path (<c>Panel:Zones[2]:Type</c>).</summary>
public static partial class PanelOptionsValidator
{
    public static List<string> Validate(PanelOptions o)
    {
        var errors = new List<string>();
        void Fail(string field, string message) => errors.Add($"Panel:{field}: {message}");

        if (!IdPattern().IsMatch(o.Id))
        {
            Fail("Id", "must be 1-64 letters, digits or dashes");
        }

        if (o.Grade is not (2 or 3))
        {
            Fail("Grade", $"must be 2 or 3, got {o.Grade}");
        }

        if (o.EntryDelay < TimeSpan.Zero || o.EntryDelay > EngineSettings.MaxEntryDelay)
        {
            Fail("EntryDelay", $"{o.EntryDelay} is outside 0 to 45 s (EN 50131-1 caps the entry delay at 45 s)");
        }

        if (o.ExitDelay < TimeSpan.Zero || o.ExitDelay > TimeSpan.FromMinutes(5))
        {
            Fail("ExitDelay", $"{o.ExitDelay} is outside 0 to 5 min");
        }

        if (o.SirenCutoff < EngineSettings.MinSirenCutoff || o.SirenCutoff > EngineSettings.MaxSirenCutoff)
        {
            Fail("SirenCutoff", $"{o.SirenCutoff} is outside 2 to 15 min (EN 50131-4)");
        }

        ValidateZones(o, Fail);
        ValidateCodesAndRetention(o, Fail);
        ValidateUsers(o, Fail);
        return errors;
    }

    private static void ValidateZones(PanelOptions o, Action<string, string> fail)
    {
        if (o.Zones.Count == 0)
        {
            fail("Zones", "at least one zone is needed");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < o.Zones.Count; i++)
        {
            var z = o.Zones[i];
            var at = $"Zones[{i}]";
            if (!IdPattern().IsMatch(z.Id))
            {
                fail($"{at}:Id", "must be 1-64 letters, digits or dashes");
            }
            else if (!seen.Add(z.Id))
            {
                fail($"{at}:Id", $"'{z.Id}' is used twice");
            }

            if (!ZoneTypes.TryParse(z.Type, out var type))
            {
                fail($"{at}:Type", $"'{z.Type}' is not one of {string.Join(", ", ZoneTypes.Names)}");
            }
            else if (type == Core.Zones.ZoneType.Technical && string.IsNullOrWhiteSpace(z.Kind))
            {
                fail($"{at}:Kind", "a technical zone needs a kind (mains, battery, water...)");
            }

            if (z.Debounce < TimeSpan.Zero || z.Debounce > TimeSpan.FromSeconds(2))
            {
                fail($"{at}:Debounce", $"{z.Debounce} is outside 0 to 2 s");
            }
        }
    }

    private static void ValidateCodesAndRetention(PanelOptions o, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(o.Codes.PepperPath) || !Path.IsPathFullyQualified(o.Codes.PepperPath))
        {
            fail("Codes:PepperPath", "must be an absolute path");
        }

        if (o.Codes.HashIterations < CodeHasher.MinIterations)
        {
            fail("Codes:HashIterations", $"must be at least {CodeHasher.MinIterations}");
        }

        if (o.Retention.ArmLogEntries is < 1 or > RetentionPolicy.MaxArmLogEntries)
        {
            fail("Retention:ArmLogEntries", "must be 1 to 100 (P7 caps the arm/disarm log at 100 entries)");
        }

        if (o.Retention.ArmLogMonths is < 1 or > RetentionPolicy.MaxArmLogMonths)
        {
            fail("Retention:ArmLogMonths", "must be 1 to 3 (P7: deleted after 3 months)");
        }

        if (o.Retention.AlarmHistoryYears is < 1 or > RetentionPolicy.MaxAlarmHistoryYears)
        {
            fail("Retention:AlarmHistoryYears", "must be 1 to 5 (P8: 5 years)");
        }
    }

    private static void ValidateUsers(PanelOptions o, Action<string, string> fail)
    {
        var numbers = new HashSet<int>();
        for (var i = 0; i < o.Users.Count; i++)
        {
            var u = o.Users[i];
            if (u.Number is < 1 or > 99 || !numbers.Add(u.Number))
            {
                fail($"Users[{i}]:Number", "must be 1-99 and unique");
            }

            // The reason never repeats the code, so a config error cannot leak it to the journal.
            if (CodeRules.Check(u.Code, o.Grade) is { } weak)
            {
                fail($"Users[{i}]:Code", weak);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();
}
