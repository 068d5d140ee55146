using Muster.Formats.Compose;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// The workspace-wide facts the .env rules need: every env file with its git status, every variable compose files
/// interpolate, and the variables each example file (.env.example and friends) documents, by folder.
/// </summary>
internal sealed class EnvAuditDocument(
    IReadOnlyList<EnvFileInfo> envFiles,
    IReadOnlyList<ComposeVariableReference> composeVariables,
    IReadOnlyDictionary<string, (string Path, IReadOnlySet<string> Names)> examplesByFolder,
    string gitSource)
{
    public IReadOnlyList<EnvFileInfo> EnvFiles { get; } = envFiles;
    public IReadOnlyList<ComposeVariableReference> ComposeVariables { get; } = composeVariables;

    /// <summary>Folder ("" for the root) → the example file there and the names it documents.</summary>
    public IReadOnlyDictionary<string, (string Path, IReadOnlySet<string> Names)> ExamplesByFolder { get; } = examplesByFolder;

    /// <summary>How ignore status was decided ("git" or ".gitignore matcher"), for messages.</summary>
    public string GitSource { get; } = gitSource;

    /// <summary>The example file for a compose file: beside it, else in the nearest parent folder, else none.</summary>
    public (string Path, IReadOnlySet<string> Names)? ExampleFor(string composePath)
    {
        var folder = composePath.Contains('/') ? composePath[..composePath.LastIndexOf('/')] : "";
        while (true)
        {
            if (ExamplesByFolder.TryGetValue(folder, out var found)) return found;
            if (folder.Length == 0) return null;
            folder = folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";
        }
    }
}
