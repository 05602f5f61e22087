using PanelAgent.Core.Users;

namespace PanelAgent.Storage;

/// <summary>Keypad users (IUserStore). Only <see cref="CodeHash.ToString"/> is stored, never a code (P9).</summary>
public sealed partial class SqliteEventStore
{
    public IReadOnlyList<UserRecord> LoadUsers() => Run("load users", connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, label, code_hash, is_duress FROM users ORDER BY number";
        using var reader = command.ExecuteReader();
        var users = new List<UserRecord>();
        while (reader.Read())
        {
            var number = reader.GetInt32(0);
            if (TryParseHash(number, reader.GetString(2)) is { } hash)
            {
                users.Add(new UserRecord(number, reader.IsDBNull(1) ? null : reader.GetString(1), hash,
                    reader.GetInt64(3) != 0));
            }
        }

        return users;
    });

    public void Save(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Write("save user", writer =>
        {
            using var command = writer.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO users (number, label, code_hash, is_duress) VALUES ($number, $label, $hash, $duress)
                ON CONFLICT (number) DO UPDATE SET label = excluded.label, code_hash = excluded.code_hash,
                    is_duress = excluded.is_duress
                """;
            command.Parameters.AddWithValue("$number", user.Number);
            command.Parameters.AddWithValue("$label", (object?)user.Label ?? DBNull.Value);
            command.Parameters.AddWithValue("$hash", user.Code.ToString());
            command.Parameters.AddWithValue("$duress", user.IsDuress ? 1 : 0);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>
    /// A damaged hash disables that one user rather than failing the whole load: the other users must still be able
    /// to disarm. The warning names the user number only.
    /// </summary>
    private CodeHash? TryParseHash(int number, string text)
    {
        try
        {
            return CodeHash.Parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            StorageLog.UnreadableCodeHash(_logger, number);
            return null;
        }
    }
}
