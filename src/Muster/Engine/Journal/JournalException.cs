using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Muster.Engine.Journal;

/// <summary>
/// The journal cannot be read or written because of the environment (a corrupt, foreign or read-only file, a full
/// disk): an input error whose message names the file and the fix, never an internal error.
/// </summary>
public sealed class JournalException(string message, Exception? inner = null) : Exception(message, inner)
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteCorrupt = 11, SqliteFull = 13,
        SqliteCantOpen = 14, SqlitePerm = 3, SqliteNotADb = 26;
    private const int ErrnoNoSpace = 28, ErrnoReadOnlyFs = 30, ErrnoQuota = 122;

    /// <summary>For a journal that could not be read back: corrupt, truncated, empty, not SQLite, or not Muster's.</summary>
    public static JournalException Unreadable(string path, Exception cause) => cause switch
    {
        _ when IsBusy(cause) => new($"journal {path} is locked by another process ({Reason(cause)}): wait for it to finish, or pass --state DIR", cause),
        _ when IsReadOnly(cause) => new($"journal {path} cannot be opened: it or its folder is read-only ({Reason(cause)}); a journal needs its folder "
            + "writable even to be read: copy the state folder to a writable disk and pass --state DIR", cause),
        _ => new($"journal {path} is not a readable Muster journal ({Reason(cause)}): move it aside or pass --state DIR", cause),
    };

    /// <summary>For a journal (or its folder) that could not be created or written.</summary>
    public static JournalException Unwritable(string path, Exception cause) => cause switch
    {
        _ when IsFull(cause) || (cause is SqliteException && NoRoomLeft(path)) => new($"journal {path} cannot be written: the disk is full ({Reason(cause)}): free space, or pass --state DIR on another disk", cause),
        _ when IsReadOnly(cause) => new($"journal {path} cannot be written: it or its folder is read-only ({Reason(cause)}): pass --state DIR on a writable disk", cause),
        SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADb or SqliteBusy or SqliteLocked } => Unreadable(path, cause),
        _ => new($"journal {path} cannot be written ({Reason(cause)}): pass --state DIR on a writable disk", cause),
    };

    /// <summary>What the reader or writer of a journal may throw because of the file rather than a bug.</summary>
    public static bool IsEnvironmental(Exception e) =>
        e is SqliteException or IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidCastException or OverflowException
            || (e is ArgumentException && e is not ArgumentNullException);

    /// <summary>SQLite often reports a full disk as an I/O or schema error (its WAL write failed): the free space tells.</summary>
    private static bool NoRoomLeft(string path)
    {
        try
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? path;
            return new DriveInfo(folder).AvailableFreeSpace < 1024 * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsBusy(Exception e) => e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    private static bool IsFull(Exception e) =>
        e is SqliteException { SqliteErrorCode: SqliteFull } || e is IOException { HResult: ErrnoNoSpace or ErrnoQuota }
        || (e.InnerException is { } inner && IsFull(inner));

    private static bool IsReadOnly(Exception e) =>
        e is SqliteException { SqliteErrorCode: SqliteReadOnly or SqliteCantOpen or SqlitePerm } || e is UnauthorizedAccessException
        || e is IOException { HResult: ErrnoReadOnlyFs } || (e.InnerException is { } inner && IsReadOnly(inner));

    private static string Reason(Exception e)
    {
        var message = e switch
        {
            SqliteException { SqliteErrorCode: SqliteNotADb } => "not an SQLite database",
            SqliteException { SqliteErrorCode: SqliteCorrupt } => "the database file is corrupt or truncated",
            SqliteException s when s.Message.Contains("no such table", StringComparison.Ordinal) => "it holds no Muster tables: " + s.Message,
            SqliteException s when s.Message.Contains("no such column", StringComparison.Ordinal) => "its tables are not Muster's: " + s.Message,
            _ => e.Message,
        };
        return message.ReplaceLineEndings(" ").Trim();
    }
}
