namespace PanelAgent.Options;

/// <summary>How codes are hashed: the pepper file (device-held, outside the database) and the PBKDF2 cost.</summary>
public sealed class CodeOptions
{
    public string PepperPath { get; set; } = "/var/lib/panelagent/pepper";

    public int HashIterations { get; set; } = Core.Codes.CodeHasher.DefaultIterations;
}
