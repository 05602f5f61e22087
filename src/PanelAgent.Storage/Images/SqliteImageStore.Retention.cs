using System.Globalization;
using Microsoft.Data.Sqlite;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Privacy;
using PanelAgent.Storage.Serialization;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage.Images;

/// <summary>Rows, retention (7 days, police hold up to 30), the quota, and deletion: key row first, then file.</summary>
public sealed partial class SqliteImageStore
{
    public int Hold(long alarmSeq, DateTimeOffset until, string actor)
    {
        // Never shortens (max with the current expiry), never beyond 30 days from capture (min with the cap).
        var held = Guard(() => SqliteSql.Execute(_connection, """
            UPDATE images SET on_hold = 1,
                expires_utc = max(expires_utc, min($until, captured_utc + $maxHold))
            WHERE alarm_seq = $seq
            """, ("$until", StorageFormat.ToUnixMs(until)), ("$maxHold", (long)ImageStoreOptions.MaxHold.TotalMilliseconds),
            ("$seq", alarmSeq)));
        _access.Append(new AccessEntry(_time.GetUtcNow(), actor, AccessActions.ImageHeld, Subject(alarmSeq),
            string.Create(CultureInfo.InvariantCulture, $"{held} image(s) held until at most {until:yyyy-MM-dd}")));
        return held;
    }

    public int Prune(DateTimeOffset now)
    {
        var count = Delete("expires_utc <= $now", ("$now", StorageFormat.ToUnixMs(now)));
        if (count > 0)
        {
            _access.Append(new AccessEntry(now, "panel", AccessActions.ImageDeleted, null, $"{count} image(s) expired"));
        }

        return count;
    }

    private long Insert(ImageRecord image, string file, byte[] key, long bytes)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO images (alarm_seq, zone, camera, frame, reason, withheld, captured_utc, expires_utc, width, height,
                bytes, file, image_key)
            VALUES ($seq, $zone, $camera, $frame, $reason, $withheld, $captured, $expires, $width, $height, $bytes, $file, $key)
            RETURNING id
            """;
        var captured = StorageFormat.ToUnixMs(image.CapturedAt);
        foreach (var (name, value) in new (string, object)[]
        {
            ("$seq", image.AlarmSeq), ("$zone", (object?)image.Zone ?? DBNull.Value), ("$camera", image.Camera),
            ("$frame", image.Frame), ("$reason", image.Reason.ToString()), ("$withheld", image.Withheld ? 1 : 0),
            ("$captured", captured), ("$expires", captured + (long)_options.Retention.TotalMilliseconds),
            ("$width", image.Width), ("$height", image.Height), ("$bytes", bytes), ("$file", file), ("$key", key),
        })
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Oldest first, never an image on hold, never the one just written.</summary>
    private void EnforceQuota(long newest)
    {
        var total = (long)SqliteSql.Scalar(_connection, "SELECT COALESCE(SUM(bytes), 0) FROM images")!;
        if (total <= _options.QuotaBytes)
        {
            return;
        }

        var victims = new List<(long Id, long Bytes)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT id, bytes FROM images WHERE on_hold = 0 AND id <> $newest ORDER BY id";
            command.Parameters.AddWithValue("$newest", newest);
            using var reader = command.ExecuteReader();
            while (total > _options.QuotaBytes && reader.Read())
            {
                victims.Add((reader.GetInt64(0), reader.GetInt64(1)));
                total -= reader.GetInt64(1);
            }
        }

        foreach (var (id, _) in victims)
        {
            DeleteLocked("id = $id", ("$id", id));
        }

        if (victims.Count > 0)
        {
            _access.Append(new AccessEntry(_time.GetUtcNow(), "panel", AccessActions.ImageDeleted, null,
                $"{victims.Count} oldest image(s) for the disk quota"));
        }
    }

    private int Delete(string where, params (string Name, object Value)[] parameters) =>
        Guard(() => DeleteLocked(where, parameters));

    /// <summary>Deletes the rows (and with them the keys) in one statement, then the files.</summary>
    private int DeleteLocked(string where, params (string Name, object Value)[] parameters)
    {
        var files = new List<string>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"DELETE FROM images WHERE {where} RETURNING file";
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                files.Add(reader.GetString(0));
            }
        }

        foreach (var file in files)
        {
            File.Delete(Path.Combine(_options.Directory, file));
        }

        return files.Count;
    }

    private List<StoredImage> Query(string sql, params (string Name, object Value)[] parameters) => Guard(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var images = new List<StoredImage>();
        while (reader.Read())
        {
            images.Add(ReadImage(reader));
        }

        return images;
    });

    private static StoredImage ReadImage(SqliteDataReader r)
    {
        var record = new ImageRecord(r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4),
            Enum.Parse<CaptureReason>(r.GetString(5)), r.GetInt32(6) == 1, StorageFormat.FromUnixMs(r.GetInt64(7)),
            r.GetInt32(8), r.GetInt32(9));
        return new StoredImage(r.GetInt64(0), record, StorageFormat.FromUnixMs(r.GetInt64(10)), r.GetInt32(11) == 1,
            r.IsDBNull(12) ? null : StorageFormat.FromUnixMs(r.GetInt64(12)), r.GetInt64(13));
    }

    private void RemoveOrphans() => Guard(() =>
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT file FROM images";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                known.Add(reader.GetString(0));
            }
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(_options.Directory).Where(p => !known.Contains(Path.GetFileName(p))))
        {
            File.Delete(path);
            removed++;
        }

        return removed;
    });
}
