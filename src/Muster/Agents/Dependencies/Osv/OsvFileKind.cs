namespace Muster.Agents.Dependencies.Osv;

/// <summary>The shapes an OSV database file comes in; told apart by content, the extension only breaks ties.</summary>
internal enum OsvFileKind
{
    /// <summary>Not an OSV file (a README, a download in progress): skipped in a folder.</summary>
    Other,
    Zip,

    /// <summary>One OSV document (the <c>all.zip</c> entries, a folder of <c>.json</c> files).</summary>
    Document,

    /// <summary>One OSV record per line: JSON Lines, or renovate's osv-offline NeDB files (records plus <c>_id</c>).</summary>
    Lines,
}
