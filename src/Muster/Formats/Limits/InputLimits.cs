namespace Muster.Formats.Limits;

/// <summary>
/// The budgets every reader of audited input stays within, in one place (documented in docs/input-limits.md). An
/// input over a budget is reported as a scan error for that file and not audited; it never crashes or exhausts Muster.
/// </summary>
public static class InputLimits
{
    /// <summary>Characters in one YAML document stream (compose, plans, agent definitions, lockfiles).</summary>
    public const int YamlMaxChars = 8 * 1024 * 1024;

    /// <summary>Nesting of YAML collections; checked on the event stream before any recursive loader sees it.</summary>
    public const int YamlMaxDepth = 128;

    /// <summary>Alias references (<c>*name</c>) in one YAML stream.</summary>
    public const int YamlMaxAliases = 10_000;

    /// <summary>Nodes an alias-expanding walk would visit beyond the nodes written in the text.</summary>
    public const int YamlMaxAliasExpandedNodes = 100_000;

    /// <summary>Parsing events (scalars, collections, aliases) in one YAML stream.</summary>
    public const int YamlMaxEvents = 2_000_000;

    /// <summary>Bytes of a dependency manifest opened beside another (an included requirements file).</summary>
    public const long ManifestMaxBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Package entries kept from one manifest or lockfile (the dependencies agent's <c>max-manifest-entries</c> default):
    /// the largest real lockfiles hold a few thousand; a 1M-line requirements.txt once took 3.5 GB.
    /// </summary>
    public const int ManifestMaxEntries = 20_000;

    /// <summary>Nesting of JSON documents (System.Text.Json's own default, made explicit).</summary>
    public const int JsonMaxDepth = 64;

    /// <summary>Bytes of one OSV advisory document (a file, or an archive entry once uncompressed).</summary>
    public const long OsvMaxDocumentBytes = 16L * 1024 * 1024;

    /// <summary>Bytes of one OSV archive on disk.</summary>
    public const long OsvMaxArchiveBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Entries one OSV archive may declare.</summary>
    public const long OsvMaxArchiveEntries = 2_000_000;

    /// <summary>Uncompressed bytes read from one OSV archive in total.</summary>
    public const long OsvMaxArchiveUncompressedBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>Lines of one record-per-line OSV file (JSON Lines, NeDB); each line is a document within <see cref="OsvMaxDocumentBytes"/>.</summary>
    public const long OsvMaxLinesPerFile = 2_000_000;
}
