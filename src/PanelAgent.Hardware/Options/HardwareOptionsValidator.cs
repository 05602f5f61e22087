using System.Globalization;
using Microsoft.Extensions.Options;

namespace PanelAgent.Hardware.Options;

/// <summary>
/// Validates <see cref="HardwareOptions"/> for <c>ValidateOnStart</c>. Each message starts with the JSON path of the
/// field, so a bad panel file stops the service with a message a technician can act on (STYLE.md §5).
/// </summary>
public sealed class HardwareOptionsValidator : IValidateOptions<HardwareOptions>
{
    private const string Root = HardwareOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Check(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem found, each prefixed with its field's JSON path; empty when valid.</summary>
    public static IEnumerable<string> Check(HardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CheckGpio(options.Gpio)
            .Concat(CheckExpander(options.Expander))
            .Concat(CheckInputs(options.Inputs ?? [], options.Expander is not null))
            .Concat(CheckOutputs(options.Outputs))
            .Concat(LineClaims.FindDuplicates(options))
            .Concat(CheckQueue(options))
            .ToList();
    }

    private static IEnumerable<string> CheckGpio(GpioOptions? gpio)
    {
        if (gpio is null)
        {
            yield return $"{Root}:Gpio: the section is missing";
            yield break;
        }

        if (!GpioDriverNames.All.Contains(gpio.Driver, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{Root}:Gpio:Driver: \"{gpio.Driver}\" is not one of {string.Join(", ", GpioDriverNames.All)}";
        }
        else if (string.Equals(gpio.Driver, GpioDriverNames.Sysfs, StringComparison.OrdinalIgnoreCase) && !gpio.AllowSysfs)
        {
            yield return $"{Root}:Gpio:Driver: \"sysfs\" is refused unless {Root}:Gpio:AllowSysfs is true "
                + "(deprecated kernel interface, no pull-ups, global line numbers)";
        }

        if (gpio.Chip < 0)
        {
            yield return $"{Root}:Gpio:Chip: {gpio.Chip} is negative";
        }
    }

    private static IEnumerable<string> CheckExpander(ExpanderOptions? expander)
    {
        if (expander is null)
        {
            yield break;
        }

        const string Path = $"{Root}:Expander";
        if (!string.Equals(expander.Kind, ExpanderKinds.Mcp23017, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{Path}:Kind: \"{expander.Kind}\" is not supported (only {ExpanderKinds.Mcp23017})";
        }

        if (expander.Bus < 0)
        {
            yield return $"{Path}:Bus: {expander.Bus} is negative";
        }

        // MCP23017 datasheet §3.3.1: the address is 0100 A2 A1 A0, i.e. 0x20-0x27.
        if (expander.Address is < 0x20 or > 0x27)
        {
            yield return $"{Path}:Address: {expander.Address} is outside 32-39 (0x20-0x27) where an MCP23017 answers";
        }

        if (expander.InterruptLine is < 0)
        {
            yield return $"{Path}:InterruptLine: {expander.InterruptLine} is negative";
        }

        if (expander.PollInterval <= TimeSpan.Zero)
        {
            yield return $"{Path}:PollInterval: must be positive (is {Format(expander.PollInterval)})";
        }
    }

    private static IEnumerable<string> CheckInputs(List<ZoneInputOptions> inputs, bool hasExpander)
    {
        var firstIndexOfZone = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Count; i++)
        {
            string path = $"{Root}:Inputs[{i}]";
            ZoneInputOptions input = inputs[i];
            if (string.IsNullOrWhiteSpace(input.Zone))
            {
                yield return $"{path}:Zone: is empty";
            }
            else if (!firstIndexOfZone.TryAdd(input.Zone, i))
            {
                yield return $"{path}:Zone: zone \"{input.Zone}\" is already wired at {Root}:Inputs[{firstIndexOfZone[input.Zone]}]";
            }

            foreach (string error in CheckInputLines(path, input, hasExpander))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> CheckInputLines(string path, ZoneInputOptions input, bool hasExpander)
    {
        if (input.OnExpander && !hasExpander)
        {
            yield return $"{path}:OnExpander: is true but there is no {Root}:Expander section";
        }

        foreach (string error in CheckInputLine($"{path}:Line", input.Line, input.OnExpander))
        {
            yield return error;
        }

        if (input.TamperLine is int tamper)
        {
            foreach (string error in CheckInputLine($"{path}:TamperLine", tamper, input.OnExpander))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> CheckInputLine(string path, int line, bool onExpander)
    {
        if (onExpander && line is < 0 or >= ExpanderKinds.Mcp23017Lines)
        {
            yield return $"{path}: expander line {line} is outside 0-{ExpanderKinds.Mcp23017Lines - 1}";
        }
        else if (line < 0)
        {
            yield return $"{path}: line {line} is negative";
        }
    }

    private static IEnumerable<string> CheckOutputs(OutputsOptions? outputs)
    {
        if (outputs is null)
        {
            yield break;
        }

        foreach ((string name, OutputLineOptions? output) in OutputsOf(outputs))
        {
            if (output is { Line: < 0 })
            {
                yield return $"{Root}:Outputs:{name}:Line: line {output.Line} is negative";
            }
        }
    }

    private static IEnumerable<string> CheckQueue(HardwareOptions options)
    {
        if (options.RereadInterval <= TimeSpan.Zero)
        {
            yield return $"{Root}:RereadInterval: must be positive (is {Format(options.RereadInterval)})";
        }

        if (options.QueueCapacity <= 0)
        {
            yield return $"{Root}:QueueCapacity: must be positive (is {options.QueueCapacity})";
        }
    }

    internal static IEnumerable<(string Name, OutputLineOptions? Output)> OutputsOf(OutputsOptions outputs) =>
    [
        (nameof(OutputsOptions.Siren), outputs.Siren),
        (nameof(OutputsOptions.DoorLock), outputs.DoorLock),
        (nameof(OutputsOptions.SmartPlug), outputs.SmartPlug),
    ];

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
