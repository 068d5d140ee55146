using Muster.Formats.Limits;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;
using Muster.Workspace;

namespace Muster.Agents.Dependencies;

/// <summary>Walks the workspace, hands every manifest and lockfile to its parser and collects packages and problems.</summary>
/// <param name="maxEntries">Package entries kept per manifest; what is past it is one scan error naming the file and the count.</param>
internal sealed class ManifestScanner(long maxManifestBytes, int maxEntries = InputLimits.ManifestMaxEntries)
{
    public const string MaxEntriesSetting = "max-manifest-entries";

    public static readonly IReadOnlyList<IManifestParser> Parsers =
    [
        new PackageJsonParser(),
        new PackageLockParser(),
        new YarnLockParser(),
        new PnpmLockParser(),
        new RequirementsTxtParser(),
        new PyprojectParser(),
        new PoetryLockParser(),
        new UvLockParser(),
        new PipfileParser(),
        new PipfileLockParser(),
        new MsBuildProjectParser(),
        new PackagesLockJsonParser(),
        new PackagesConfigParser(),
        new NuGetAssetsParser(),
        new BunLockParser(),
        new PdmLockParser(),
        new PylockTomlParser(),
    ];

    /// <param name="TooLarge">Manifests over the size limit: not read (also listed in the result's problems).</param>
    /// <param name="Templates">Manifests of a project template (cookiecutter, copier, Jinja): not a project's dependencies, not audited.</param>
    public sealed record Outcome(ParseResult Result, int ManifestsRead, int FilesSeen, IReadOnlyList<ManifestProblem> WalkErrors, IReadOnlyList<WorkspaceFile> TooLarge)
    {
        public IReadOnlyList<string> Templates { get; init; } = [];
    }

    public Outcome Scan(string root, WalkOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var walker = new WorkspaceWalker(root, options);
        var result = new ParseResult();
        var manifests = 0;
        var files = 0;
        var tooLarge = new List<WorkspaceFile>();
        var templates = new List<string>();
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            files++;
            var name = Path.GetFileName(file.RelativePath);
            var parser = Parsers.FirstOrDefault(p => p.Matches(name));
            if (parser is null) continue;
            manifests++;
            if (file.Length > maxManifestBytes)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, 0, $"Not read: {file.Length:N0} bytes is over the {maxManifestBytes:N0}-byte limit (setting max-manifest-bytes)."));
                tooLarge.Add(file);
                continue;
            }
            string text;
            try
            {
                text = BoundedRead.Text(file.FullPath, maxManifestBytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, 0, $"Not readable: {e.Message}"));
                continue;
            }
            var parsed = new ParseResult(maxEntries);
            try
            {
                parser.Parse(new ManifestFile(file.RelativePath, file.FullPath, text), parsed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A parser bug on odd input must cost one file, not the audit.
                parsed.Problems.Add(new ManifestProblem(file.RelativePath, 0, $"Could not be parsed ({e.GetType().Name}): {e.Message}"));
            }
            if (parsed.Packages.Skipped > 0) parsed.Problems.Add(OverBudget(file.RelativePath, parsed.Packages));
            if (IsTemplate(file.RelativePath, text, parsed))
            {
                templates.Add(file.RelativePath);
                continue;
            }
            result.Packages.AddRange(parsed.Packages);
            result.Problems.AddRange(parsed.Problems);
            result.FilesRead.AddRange(parsed.FilesRead);
            result.Projects.AddRange(parsed.Projects);
            if (manifests % 100 == 0) progress($"{manifests:N0} manifests");
        }
        var walkErrors = walker.Errors.Select(e => new ManifestProblem(e.RelativePath, 0, e.Message)).ToList();
        return new Outcome(result, manifests, files, walkErrors, tooLarge) { Templates = templates };
    }

    private ManifestProblem OverBudget(string path, PackageEntries packages) => new(path, packages.FirstSkippedLine,
        $"{packages.Skipped:N0} entries past the {maxEntries:N0}-entry budget (setting {MaxEntriesSetting}) were skipped, from this line on: " +
        $"not inventoried, not checked for known vulnerabilities, not in the SBOM (the first {maxEntries:N0} were).");

    /// <summary>
    /// A manifest inside a templated folder (<c>{{cookiecutter.project_slug}}/requirements.txt</c>), or one that does not
    /// parse, is named by a placeholder or declares one (<c>{{ … }}</c>, <c>{% … %}</c>): what it declares is filled in when a project is
    /// generated, so its names and versions are not this workspace's.
    /// </summary>
    private static bool IsTemplate(string relativePath, string text, ParseResult parsed)
    {
        if (relativePath.Contains("{{", StringComparison.Ordinal) || relativePath.Contains("{%", StringComparison.Ordinal)) return true;
        var templated = text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);
        if (!templated) return false;
        var namedByTemplate = text.Contains("name = \"{{", StringComparison.Ordinal) || text.Contains("\"name\": \"{{", StringComparison.Ordinal);
        return namedByTemplate || parsed.Problems.Count > 0 || parsed.Packages.Any(p => (p.Name + p.Version + p.Range).Contains("{{", StringComparison.Ordinal));
    }
}
