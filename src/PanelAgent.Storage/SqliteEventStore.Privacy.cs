using PanelAgent.Core.Ports;
using PanelAgent.Storage.Serialization;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>
/// P11 on the stored data: the capture restriction (IPrivacySettings), erasure, and removing a user. Erasure keeps
/// what the law requires (alarm history, P8) and what the household needs to use its own alarm (code hashes).
/// </summary>
public sealed partial class SqliteEventStore : IPrivacySettings
{
    private const string EraseEvents = $"""
        DELETE FROM events WHERE category = '{StorageFormat.ArmDisarm}'
            OR (category = '{StorageFormat.Operational}' AND user_number IS NOT NULL)
        """;

    private bool? _captureRestricted;

    /// <summary>
    /// Read once from the file, then kept in memory. When storage cannot be read the last known value stands (false
    /// if none): a failing disk must not quietly change what the household decided, nor stop alarm captures (P1).
    /// </summary>
    public bool CaptureRestricted
    {
        get
        {
            if (_captureRestricted is { } known)
            {
                return known;
            }

            try
            {
                _captureRestricted = Run("read privacy settings", c =>
                    SqliteSql.Scalar(c, "SELECT capture_restricted FROM privacy_settings WHERE id = 1") is long v && v != 0);
            }
            catch (Exception ex) when (ex is StorageUnavailableException or ObjectDisposedException)
            {
                return false;
            }

            return _captureRestricted.Value;
        }
    }

    /// <summary>
    /// Takes effect in memory at once, then durably; throws <see cref="StorageUnavailableException"/> when it could
    /// not be persisted (the caller then reports that a reboot would lift it).
    /// </summary>
    public void SetCaptureRestricted(bool restricted)
    {
        _captureRestricted = restricted;
        Write("save privacy settings", writer => SqliteSql.Execute(writer.Connection, """
            INSERT INTO privacy_settings (id, capture_restricted, changed_utc) VALUES (1, $restricted, $at)
            ON CONFLICT (id) DO UPDATE SET capture_restricted = excluded.capture_restricted,
                changed_utc = excluded.changed_utc
            """, ("$restricted", restricted ? 1 : 0), ("$at", StorageFormat.ToUnixMs(_time.GetUtcNow()))));
    }

    /// <summary>
    /// Erases the personal data of P11 in one transaction: user labels (names), the arm/disarm log and every event
    /// naming a user outside the alarm history. Keeps the alarm history (P8), the access log and the code hashes.
    /// </summary>
    public ErasureResult ErasePersonalData() => Write("erase personal data", writer =>
    {
        var connection = writer.Connection;
        var labels = Delete(connection, "UPDATE users SET label = NULL WHERE label IS NOT NULL");
        var armLog = Delete(connection, "DELETE FROM arm_log");
        var events = Delete(connection, EraseEvents);
        _pendingCount = null;
        return new ErasureResult(labels, armLog, events);
    });

    /// <summary>Removes one keypad user; false when there was none with that number.</summary>
    public bool DeleteUser(int number) => Write("delete user", writer =>
        SqliteSql.Execute(writer.Connection, "DELETE FROM users WHERE number = $number", ("$number", number)) > 0);
}
