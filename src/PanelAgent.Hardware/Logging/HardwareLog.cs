using Microsoft.Extensions.Logging;

namespace PanelAgent.Hardware.Logging;

/// <summary>
/// Every log line of the hardware layer, EventIds 2000-2099: 2000-2009 driver probe, 2010-2019 SoC inputs,
/// 2020-2039 expander, 2040-2049 outputs. Lines, chips, addresses and zone ids only: never a code, name or number.
/// </summary>
internal static partial class HardwareLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "GPIO driver {Driver} ({Library}) opened on gpiochip{Chip}")]
    public static partial void DriverOpened(this ILogger logger, string driver, string library, int chip);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "GPIO driver {Driver} ({Library}) cannot be used on gpiochip{Chip}: {Reason}")]
    public static partial void DriverUnavailable(this ILogger logger, string driver, string library, int chip, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "GPIO runs on the DEPRECATED sysfs interface (gpiochip{Chip} requested): no pull-ups, global line numbers, "
            + "no kernel edge queue. Install libgpiod (libgpiod3 on Debian 13, libgpiod2 on Debian 12)")]
    public static partial void SysfsInUse(this ILogger logger, int chip);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error,
        Message = "GPIO driver {Driver} refused: {Reason}")]
    public static partial void DriverRefused(this ILogger logger, string driver, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information,
        Message = "{Count} input lines open on {Source}")]
    public static partial void InputsOpened(this ILogger logger, int count, string source);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error,
        Message = "Cannot open line {Line} ({Zone} {Input}) on {Source}; it reads as faulted")]
    public static partial void InputOpenFailed(this ILogger logger, int line, string zone, string input, string source, Exception exception);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning,
        Message = "{Count} input callback failures on {Source} since the last re-read (total {Total})")]
    public static partial void CallbackFailures(this ILogger logger, long count, string source, long total);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information,
        Message = "MCP23017 at 0x{Address:X2} on i2c-{Bus} configured: {Count} input lines ({Source})")]
    public static partial void ExpanderConfigured(this ILogger logger, int address, int bus, int count, string source);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning,
        Message = "MCP23017 at 0x{Address:X2} on i2c-{Bus} cannot be reached; its lines read as faulted until it answers")]
    public static partial void ExpanderFault(this ILogger logger, int address, int bus, Exception exception);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning,
        Message = "MCP23017 at 0x{Address:X2} on i2c-{Bus} lost its configuration (GPINTEN 0x{Actual:X4}, expected 0x{Expected:X4}); "
            + "reconfiguring (power glitch or reset?)")]
    public static partial void ExpanderLostConfiguration(this ILogger logger, int address, int bus, int actual, int expected);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Error,
        Message = "MCP23017 at 0x{Address:X2} on i2c-{Bus}: unexpected error in the reader")]
    public static partial void ExpanderReaderError(this ILogger logger, int address, int bus, Exception exception);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Information,
        Message = "MCP23017 at 0x{Address:X2} on i2c-{Bus} answers again")]
    public static partial void ExpanderRecovered(this ILogger logger, int address, int bus);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Warning,
        Message = "MCP23017 at 0x{Address:X2} on i2c-{Bus}: cannot use SoC line {Line} for its INT output; polling every {Interval} instead")]
    public static partial void ExpanderInterruptUnavailable(this ILogger logger, int address, int bus, int line, TimeSpan interval, Exception exception);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information,
        Message = "Output {Output} on line {Line} open, off (active-{Polarity})")]
    public static partial void OutputOpened(this ILogger logger, string output, int line, string polarity);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Error,
        Message = "Cannot open output {Output} on line {Line}; setting it will fail")]
    public static partial void OutputOpenFailed(this ILogger logger, string output, int line, Exception exception);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Warning,
        Message = "Cannot set output {Output} on line {Line} to {On}")]
    public static partial void OutputWriteFailed(this ILogger logger, string output, int line, bool on, Exception exception);

    [LoggerMessage(EventId = 2043, Level = LogLevel.Warning,
        Message = "Output {Output} is not fitted (no Hardware:Outputs:{Output} line); set to {On} refused")]
    public static partial void OutputNotFitted(this ILogger logger, string output, bool on);
}
