namespace PanelAgent.Update;

/// <summary>An update refused before anything changed, with the reason the operator and the pipeline see.</summary>
public sealed class UpdateRefusedException : Exception
{
    public UpdateRefusedException(UpdateRefusal refusal, string reason)
        : base(reason)
    {
        Refusal = refusal;
    }

    public UpdateRefusedException()
    {
    }

    public UpdateRefusedException(string message)
        : base(message)
    {
    }

    public UpdateRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UpdateRefusal Refusal { get; } = UpdateRefusal.Integrity;
}
