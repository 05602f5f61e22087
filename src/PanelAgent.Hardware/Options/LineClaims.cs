namespace PanelAgent.Hardware.Options;

/// <summary>
/// Finds lines claimed twice on the same chip: the SoC chip (inputs, tampers, outputs, the expander's INT line)
/// and the expander (its inputs and tampers) are separate line spaces.
/// </summary>
internal static class LineClaims
{
    private readonly record struct Claim(bool OnExpander, int Line, string Path, string Owner);

    public static IEnumerable<string> FindDuplicates(HardwareOptions options)
    {
        return Claims(options)
            .GroupBy(c => (c.OnExpander, c.Line))
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.ElementAt(1).Path, StringComparer.Ordinal)
            .Select(Describe)
            .ToList();
    }

    private static string Describe(IGrouping<(bool OnExpander, int Line), Claim> group)
    {
        // Reported at the second claim: the first is where the line was meant to be, the later ones are the mistake.
        string chip = group.Key.OnExpander ? "expander line" : "line";
        int count = group.Count();
        string times = count == 2 ? "twice" : $"{count} times";
        string owners = string.Join(", ", group.Select(c => c.Owner));
        return $"{group.ElementAt(1).Path}: {chip} {group.Key.Line} is used {times} ({owners})";
    }

    private static IEnumerable<Claim> Claims(HardwareOptions options)
    {
        const string Root = HardwareOptions.SectionName;
        List<ZoneInputOptions> inputs = options.Inputs ?? [];
        for (int i = 0; i < inputs.Count; i++)
        {
            ZoneInputOptions input = inputs[i];
            yield return new Claim(input.OnExpander, input.Line, $"{Root}:Inputs[{i}]:Line", input.Zone);
            if (input.TamperLine is int tamper)
            {
                yield return new Claim(input.OnExpander, tamper, $"{Root}:Inputs[{i}]:TamperLine", $"{input.Zone} tamper");
            }
        }

        if (options.Outputs is not null)
        {
            foreach ((string name, OutputLineOptions? output) in HardwareOptionsValidator.OutputsOf(options.Outputs))
            {
                if (output is not null)
                {
                    yield return new Claim(false, output.Line, $"{Root}:Outputs:{name}:Line", $"{name} output");
                }
            }
        }

        if (options.Expander?.InterruptLine is int interrupt)
        {
            yield return new Claim(false, interrupt, $"{Root}:Expander:InterruptLine", "expander interrupt");
        }
    }
}
