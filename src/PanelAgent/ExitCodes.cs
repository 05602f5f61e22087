namespace PanelAgent;

/// <summary>panel-agent's exit codes (sysexits.h values where one fits), documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An unexpected error stopped the service; systemd restarts it.</summary>
    public const int Fatal = 1;

    /// <summary>Unknown option or missing argument.</summary>
    public const int Usage = 64;

    /// <summary>No GPIO driver or I2C bus could be opened.</summary>
    public const int HardwareUnavailable = 69;

    /// <summary>The configuration is invalid; stderr names each bad field.</summary>
    public const int Config = 78;
}
