using Microsoft.Extensions.Options;

namespace PanelAgent.Storage;

/// <summary>Lets the host use <c>ValidateOnStart()</c>, so a bad Storage section stops the service naming the field.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
