using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;
using Muster.Workspace;

namespace Muster.Agents.Dependencies;

/// <summary>Walks the workspace, hands every manifest and lockfile to its parser and collects packages and problems.</summary>
internal sealed class ManifestScanner(long maxManifestBytes)
{
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
    public sealed record Outcome(ParseResult Result, int ManifestsRead, int FilesSeen, IReadOnlyList<ManifestProblem> WalkErrors, IReadOnlyList<WorkspaceFile> TooLarge);

    public Outcome Scan(string root, WalkOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var walker = new WorkspaceWalker(root, options);
        var result = new ParseResult();
        var manifests = 0;
        var files = 0;
        var tooLarge = new List<WorkspaceFile>();
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
            try
            {
                parser.Parse(new ManifestFile(file.RelativePath, file.FullPath, text), result);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A parser bug on odd input must cost one file, not the audit.
                result.Problems.Add(new ManifestProblem(file.RelativePath, 0, $"Could not be parsed ({e.GetType().Name}): {e.Message}"));
            }
            if (manifests % 100 == 0) progress($"{manifests:N0} manifests");
        }
        var walkErrors = walker.Errors.Select(e => new ManifestProblem(e.RelativePath, 0, e.Message)).ToList();
        return new Outcome(result, manifests, files, walkErrors, tooLarge);
    }
}
