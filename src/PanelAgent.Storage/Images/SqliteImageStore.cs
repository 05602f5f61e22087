using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Storage.Serialization;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage.Images;

/// <summary>
/// Verification images, encrypted at rest (P6, P13): a random AES-256-GCM key per image in its <c>images</c> row, the
/// ciphertext in a file with a random name under <see cref="ImageStoreOptions.Directory"/>. Deleting removes the row
/// first (secure_delete overwrites the key), then the file: once the key is gone no copy of the file can be read.
/// Every capture, send, hold, deletion and discard goes to the access log. Its own connection to the panel's database
/// (already migrated by <see cref="SqliteStoreOpener"/>), so image work never holds the event log's lock.
/// </summary>
public sealed partial class SqliteImageStore : IImageStore, ICaptureCursor, IDisposable
{
    private const string Columns =
        "id, alarm_seq, zone, camera, frame, reason, withheld, captured_utc, width, height, expires_utc, on_hold, sent_utc, bytes";

    private readonly Lock _gate = new();
    private bool _closed;
    private readonly SqliteConnection _connection;
    private readonly ImageStoreOptions _options;
    private readonly IAccessLog _access;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private SqliteImageStore(SqliteConnection connection, ImageStoreOptions options, IAccessLog access, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _access = access;
        _time = time;
        _logger = logger;
    }

    /// <summary>Opens the image store on the database at <paramref name="databasePath"/> and removes orphan files
    /// (a crash between writing a file and its row leaves one; without its key it is noise).</summary>
    public static SqliteImageStore Open(string databasePath, ImageStoreOptions options, IAccessLog access, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var factory = new SqliteConnectionFactory(Path.GetFullPath(databasePath), TimeSpan.FromSeconds(5));
        var store = new SqliteImageStore(factory.Open(create: false), options, access, time, logger);
        store.RemoveOrphans();
        return store;
    }

    public int Count => Guard(() => Convert.ToInt32(SqliteSql.Scalar(_connection, "SELECT count(*) FROM images"), CultureInfo.InvariantCulture));

    /// <summary>Sabotage-check images still withheld on the panel.</summary>
    public int WithheldCount => Guard(() =>
        Convert.ToInt32(SqliteSql.Scalar(_connection, "SELECT count(*) FROM images WHERE withheld = 1"), CultureInfo.InvariantCulture));

    /// <summary>The newest alarm with images, or null.</summary>
    public long? LatestAlarm() => Guard(() => SqliteSql.Scalar(_connection, "SELECT MAX(alarm_seq) FROM images") as long?);

    public long Save(ImageRecord image, ReadOnlySpan<byte> jpeg)
    {
        ArgumentNullException.ThrowIfNull(image);
        var file = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) + ".img";
        var (key, sealedBytes) = ImageCipher.Seal(jpeg, file);
        var id = Guard(() =>
        {
            WriteDurably(Path.Combine(_options.Directory, file), sealedBytes);
            var newId = Insert(image, file, key, sealedBytes.Length);
            EnforceQuota(newId);
            return newId;
        });
        _access.Append(new AccessEntry(_time.GetUtcNow(), "panel", AccessActions.ImageCaptured, Subject(image.AlarmSeq),
            $"image {id} {image.Camera} frame {image.Frame} {image.Reason.ToString().ToLowerInvariant()}"));
        return id;
    }

    public byte[]? Read(long imageId) => Guard(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT file, image_key FROM images WHERE id = $id";
        command.Parameters.AddWithValue("$id", imageId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var file = reader.GetString(0);
        var path = Path.Combine(_options.Directory, file);
        return File.Exists(path) ? ImageCipher.Open((byte[])reader.GetValue(1), File.ReadAllBytes(path), file) : null;
    });

    public IReadOnlyList<StoredImage> ForAlarm(long alarmSeq) =>
        Query($"SELECT {Columns} FROM images WHERE alarm_seq = $seq ORDER BY id", ("$seq", alarmSeq));

    public IReadOnlyList<StoredImage> Unsent(int max) =>
        Query($"SELECT {Columns} FROM images WHERE withheld = 0 AND sent_utc IS NULL ORDER BY id LIMIT $max", ("$max", max));

    public int Release(long alarmSeq) => Guard(() => SqliteSql.Execute(_connection,
        "UPDATE images SET withheld = 0 WHERE alarm_seq = $seq AND withheld = 1", ("$seq", alarmSeq)));

    public int Discard(long alarmSeq)
    {
        var count = Delete("alarm_seq = $seq AND withheld = 1", ("$seq", alarmSeq));
        if (count > 0)
        {
            _access.Append(new AccessEntry(_time.GetUtcNow(), "panel", AccessActions.ImageDiscarded, Subject(alarmSeq),
                $"{count} sabotage-check image(s) after a normal disarm"));
        }

        return count;
    }

    public void MarkSent(long imageId, DateTimeOffset at)
    {
        var changed = Guard(() => SqliteSql.Execute(_connection,
            "UPDATE images SET sent_utc = $at WHERE id = $id AND sent_utc IS NULL",
            ("$at", StorageFormat.ToUnixMs(at)), ("$id", imageId)));
        if (changed > 0)
        {
            _access.Append(new AccessEntry(at, "panel", AccessActions.ImageSent, $"image:{imageId}", "to the station"));
        }
    }

    public long ReadCursor() => Guard(() =>
    {
        if (SqliteSql.Scalar(_connection, "SELECT seq FROM capture_cursor WHERE id = 1") is long seq)
        {
            return seq;
        }

        // A new store starts at the newest event: history is never replayed into captures.
        var newest = (long)SqliteSql.Scalar(_connection, "SELECT COALESCE(MAX(seq), 0) FROM events")!;
        SaveCursor(newest);
        return newest;
    });

    public void SaveCursor(long sequence) => Guard(() => SqliteSql.Execute(_connection,
        "INSERT INTO capture_cursor (id, seq) VALUES (1, $seq) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq",
        ("$seq", sequence)));

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _connection.Dispose();
        }
    }

    private static string Subject(long alarmSeq) => "alarm:" + alarmSeq.ToString(CultureInfo.InvariantCulture);

    private T Guard<T>(Func<T> body)
    {
        lock (_gate)
        {
            // At a stop the image sender may outlive capture by a moment: what it asks of a closed store fails as
            // storage trouble (retried, or forgotten with the process), not as a surprise from SQLite.
            if (_closed)
            {
                throw new StorageUnavailableException("The image store is closed.");
            }

            try
            {
                return body();
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
            {
                ImageStoreLog.Failed(_logger, ex);
                throw new StorageUnavailableException("Image storage failed: " + ex.Message, ex);
            }
        }
    }

    private static void WriteDurably(string path, byte[] bytes)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path);
    }
}
