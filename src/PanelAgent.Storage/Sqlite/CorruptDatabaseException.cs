namespace PanelAgent.Storage.Sqlite;

/// <summary>quick_check reported damage: the opener quarantines the file. Never leaves this assembly.</summary>
internal sealed class CorruptDatabaseException : Exception
{
    public CorruptDatabaseException()
    {
    }

    public CorruptDatabaseException(string message)
        : base(message)
    {
    }

    public CorruptDatabaseException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
