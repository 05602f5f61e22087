namespace PanelAgent.Storage.Schema;

/// <summary>
/// The schema, as an ordered list of additive steps. Never edit a released step; append a new one. Every statement
/// elsewhere names its columns (no <c>SELECT *</c>, no positional INSERT), which is what lets a previous release run
/// on a file a later release extended, e.g. version 2's <c>ALTER TABLE events ADD COLUMN acked_at</c>.
/// </summary>
internal static class Migrations
{
    private const string V1 = """
        CREATE TABLE schema_info (
            id                 INTEGER PRIMARY KEY CHECK (id = 1),
            version            INTEGER NOT NULL,
            min_reader_version INTEGER NOT NULL
        );

        -- The durable log. AUTOINCREMENT (not just INTEGER PRIMARY KEY): a sequence is never handed out twice, even
        -- after the newest rows were pruned, because the station deduplicates on it.
        CREATE TABLE events (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc      INTEGER NOT NULL, -- unix milliseconds, UTC
            kind        TEXT    NOT NULL,
            zone        TEXT,
            user_number INTEGER,
            detail      TEXT,
            category    TEXT    NOT NULL, -- arm_disarm | alarm_history | operational, as filed at commit time
            priority    INTEGER NOT NULL  -- EventPriority: 0 alarm ... 4 heartbeat
        );
        CREATE INDEX events_category_at ON events (category, at_utc);

        -- The two logs of P7 and P8 point into the event log; pruning an event takes its log entry with it.
        CREATE TABLE arm_log (
            seq INTEGER PRIMARY KEY REFERENCES events (seq) ON DELETE CASCADE
        );
        CREATE TABLE alarm_history (
            seq INTEGER PRIMARY KEY REFERENCES events (seq) ON DELETE CASCADE
        );

        CREATE TABLE panel_state (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            json        TEXT    NOT NULL,
            updated_utc INTEGER NOT NULL
        );

        -- code_hash is CodeHash.ToString(): PBKDF2 parameters, salt and hash. A code is never stored (P9).
        CREATE TABLE users (
            number    INTEGER PRIMARY KEY,
            label     TEXT,
            code_hash TEXT    NOT NULL,
            is_duress INTEGER NOT NULL
        );
        """;

    // The outbox (issue 3 §3). Additive, so min_reader_version stays 1: a v1 build never names these columns or
    // tables (its INSERT lists its columns, so new rows get NULLs) and simply ignores them. Such a build would
    // neither resend nor drop anything, but it cannot corrupt the outbox state either.
    private const string V2 = """
        -- NULL until the station's authenticated end-to-end acknowledgement (unix ms, UTC). A broker PUBACK is not one.
        ALTER TABLE events ADD COLUMN acked_at INTEGER;
        -- NULL unless the bounded outbox gave up on the row when full (unix ms, UTC); never set on an alarm row.
        -- A separate column rather than a reason beside acked_at, so acked_at always means "the station has it".
        ALTER TABLE events ADD COLUMN dropped_at INTEGER;
        -- The send order over pending rows only: small however long the log, and it serves the per-priority drop.
        CREATE INDEX events_outbox ON events (priority, seq) WHERE acked_at IS NULL AND dropped_at IS NULL;

        -- Rows dropped for capacity since the file was made. Kept apart from the rows, which retention deletes.
        CREATE TABLE outbox_drops (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            total INTEGER NOT NULL
        );

        -- The sealing boot epoch (INonceEpochStore): one row, only ever incremented, never 0.
        CREATE TABLE nonce_epoch (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            epoch INTEGER NOT NULL CHECK (epoch BETWEEN 1 AND 4294967295)
        );
        """;

    // The access log and the privacy restriction (issue 5). Additive: min_reader_version stays 1.
    private const string V3 = """
        -- Append-only and hash-chained: hash = SHA-256 over (prev_hash, seq, at_utc, actor, action, subject, detail),
        -- see AccessChain. seq is written explicitly (AUTOINCREMENT keeps sqlite_sequence at the highest ever used),
        -- so a removed tail is visible as a gap against sqlite_sequence. No name, phone number or code in any column.
        CREATE TABLE access_log (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc    INTEGER NOT NULL, -- unix milliseconds, UTC
            actor     TEXT    NOT NULL, -- panel | station | technician:<uid>
            action    TEXT    NOT NULL, -- AccessActions
            subject   TEXT,
            detail    TEXT,
            prev_hash TEXT    NOT NULL, -- lower-case hex
            hash      TEXT    NOT NULL
        );

        -- The last entry retention removed (12 months): the first kept entry chains to it, so pruning never breaks
        -- verification.
        CREATE TABLE access_log_anchor (
            id     INTEGER PRIMARY KEY CHECK (id = 1),
            seq    INTEGER NOT NULL,
            hash   TEXT    NOT NULL,
            pruned INTEGER NOT NULL -- entries pruned since the file was made
        );

        -- P11 restriction of processing: while 1, no camera captures. One row; absent means not restricted.
        CREATE TABLE privacy_settings (
            id                 INTEGER PRIMARY KEY CHECK (id = 1),
            capture_restricted INTEGER NOT NULL CHECK (capture_restricted IN (0, 1)),
            changed_utc        INTEGER NOT NULL
        );
        """;

    // Verification images (issue 4). Additive, so min_reader_version stays 1. The key of each image lives in its row,
    // the ciphertext in a file under the image directory: deleting the row (secure_delete overwrites it) destroys the
    // key, and with it every copy of the file that may linger on the card.
    private const string V4 = """
        CREATE TABLE images (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            alarm_seq    INTEGER NOT NULL, -- the sequence of the alarm event (entry.started for a sabotage check)
            zone         TEXT,
            camera       TEXT    NOT NULL,
            frame        INTEGER NOT NULL, -- place in the burst, from 0
            reason       TEXT    NOT NULL, -- CaptureReason
            withheld     INTEGER NOT NULL, -- 1: sabotage-check frame, stays on the panel unless released (P3)
            captured_utc INTEGER NOT NULL, -- unix ms
            expires_utc  INTEGER NOT NULL, -- unix ms: 7 days after capture, up to 30 on a police hold (P6)
            on_hold      INTEGER NOT NULL DEFAULT 0,
            sent_utc     INTEGER,
            width        INTEGER NOT NULL,
            height       INTEGER NOT NULL,
            bytes        INTEGER NOT NULL, -- ciphertext file size, for the quota
            file         TEXT    NOT NULL UNIQUE, -- random name under the image directory
            image_key    BLOB    NOT NULL  -- AES-256-GCM key of this image alone
        );
        CREATE INDEX images_alarm ON images (alarm_seq);
        CREATE INDEX images_expiry ON images (expires_utc);

        -- The last event sequence the capture coordinator decided on (persist, then act, across a crash).
        CREATE TABLE capture_cursor (
            id  INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL
        );
        -- Set when the schema arrives: events from before cameras existed are never replayed into captures, and every
        -- event after it is decided on, even one committed before the capture code first reads the cursor.
        INSERT INTO capture_cursor (id, seq) SELECT 1, COALESCE(MAX(seq), 0) FROM events;
        """;

    public static readonly IReadOnlyList<MigrationStep> All =
    [
        new(Version: 1, MinReaderVersion: 1, V1),
        new(Version: 2, MinReaderVersion: 1, V2),
        new(Version: 3, MinReaderVersion: 1, V3),
        new(Version: 4, MinReaderVersion: 1, V4),
    ];

    /// <summary>The newest schema version this build writes and understands.</summary>
    public static int CurrentVersion => All[^1].Version;
}
