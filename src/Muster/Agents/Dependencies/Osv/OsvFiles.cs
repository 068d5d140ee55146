using System.Text.Json;
using Muster.Formats.Limits;
using Muster.Workspace;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>Which files of a database folder are OSV data, and what shape each is in.</summary>
internal static class OsvFiles
{
    /// <summary>The file <c>muster osv update</c> keeps its download record in; not an advisory.</summary>
    public const string MetadataFileName = "muster-osv.json";

    private static readonly string[] LineExtensions = [".nedb", ".jsonl", ".ndjson"];

    public static bool IsLinesName(string name) => LineExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// What <paramref name="file"/> holds. In a folder only names that can be OSV data are opened (<c>.json</c>,
    /// <c>.zip</c>, the line formats, or no extension); a file named on its own is always opened.
    /// </summary>
    public static OsvFileKind Detect(string file, bool named)
    {
        var name = Path.GetFileName(file);
        if (name.Equals(MetadataFileName, StringComparison.Ordinal)) return OsvFileKind.Other;
        var extension = Path.GetExtension(name);
        var candidate = named || extension.Length == 0 || IsLinesName(name)
                        || extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || extension.Equals(".zip", StringComparison.OrdinalIgnoreCase);
        if (!candidate) return OsvFileKind.Other;
        // A .zip that is not one stays a zip, so its reader says "not a zip archive, or truncated".
        if (extension.Equals(".zip", StringComparison.OrdinalIgnoreCase)) return OsvFileKind.Zip;
        var byName = IsLinesName(name) ? OsvFileKind.Lines : OsvFileKind.Document;
        // A FIFO or device would hang the sniffing read: the reader refuses it with the reason.
        if (FileTypeProbe.SpecialKind(file) is not null) return byName;
        try
        {
            using var stream = File.OpenRead(file);
            return Sniff(stream, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported by the reader that opens it again.
            return byName;
        }
    }

    /// <summary>A first line longer than this is left to the name: record-per-line files hold advisories of a few KB a line.</summary>
    private const int SniffBytes = 1024 * 1024;

    private static OsvFileKind Sniff(Stream stream, string name)
    {
        var head = new byte[4];
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] is 3 or 5 && head[3] is 4 or 6) return OsvFileKind.Zip;
        stream.Position = 0;
        // One line holding a whole JSON object is a record per line; a pretty-printed document's first line is "{".
        OsvFileKind? kind = null;
        BoundedLines.Read(stream, SniffBytes, 1, (line, _) => kind = IsObject(line) ? OsvFileKind.Lines : OsvFileKind.Document,
            _ => kind = null, () => true, CancellationToken.None);
        return kind ?? (IsLinesName(name) ? OsvFileKind.Lines : OsvFileKind.Document);
    }

    private static bool IsObject(ReadOnlyMemory<byte> line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = InputLimits.JsonMaxDepth });
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
