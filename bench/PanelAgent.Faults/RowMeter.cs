namespace PanelAgent.Faults;

/// <summary>What a fault notes while it runs: the worst time to recover and remarks for the table.</summary>
internal sealed class RowMeter
{
    private readonly List<string> _notes = [];

    public TimeSpan WorstRecovery { get; private set; }

    public int Runs { get; private set; }

    public string Notes => string.Join("; ", _notes);

    public void Recovered(TimeSpan took)
    {
        Runs++;
        if (took > WorstRecovery)
        {
            WorstRecovery = took;
        }
    }

    public void Note(string text) => _notes.Add(text);
}
