namespace PanelAgent.Options;

/// <summary>The configuration is not usable; <see cref="Errors"/> each name their field.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException()
        : this([])
    {
    }

    public ConfigException(string message)
        : this([message])
    {
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [message];
    }

    public ConfigException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
