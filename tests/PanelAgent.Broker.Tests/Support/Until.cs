namespace PanelAgent.Broker.Tests.Support;

/// <summary>Waits for a condition that the code under test makes true by itself; fails after the rig's patience.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<bool> condition, string? what = null, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? BrokerRig.Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached in time: {what ?? "condition"}");
            }

            await Task.Delay(20);
        }
    }
}
