namespace PanelAgent.Options;

/// <summary>A user to enrol on first start. The code is hashed at once and never logged.</summary>
public sealed class ProvisionedUser
{
    public int Number { get; set; }

    public string Code { get; set; } = "";

    public bool Duress { get; set; }
}
