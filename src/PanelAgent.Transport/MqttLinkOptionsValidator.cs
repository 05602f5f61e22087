using Microsoft.Extensions.Options;

namespace PanelAgent.Transport;

/// <summary>Lets the host use <c>ValidateOnStart()</c>, so a bad Link section stops the service naming the field.</summary>
public sealed class MqttLinkOptionsValidator : IValidateOptions<MqttLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
