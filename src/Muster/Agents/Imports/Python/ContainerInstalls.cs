using System.Text.RegularExpressions;
using Muster.Formats.Docker;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// Distributions a Dockerfile installs with <c>pip install</c> (also <c>pip3</c>, <c>python -m pip</c>, <c>uv pip</c>):
/// code in the Dockerfile's folder and below runs in that image, so an import they provide will not fail there.
/// Only names written on the command line count: requirements files (<c>-r</c>) are manifests of their own, and what
/// the base image bundles cannot be known without pulling it.
/// </summary>
internal static partial class ContainerInstalls
{
    public static IReadOnlyList<DeclaredDependency> Read(string text, string relativePath)
    {
        var found = new List<DeclaredDependency>();
        foreach (var run in DockerfileInstructions.Split(text).Where(i => i.Keyword == "RUN"))
        {
            foreach (Match install in PipInstall().Matches(run.Arguments))
            {
                var skipNext = false;
                foreach (var raw in install.Groups["args"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (skipNext) { skipNext = false; continue; }
                    var word = raw.Trim('"', '\'');
                    if (word.StartsWith('-'))
                    {
                        // options with a value in the next word: -r FILE, -c FILE, -i URL, --target DIR...
                        skipNext = !word.Contains('=') && OptionsWithValue.Contains(word);
                        continue;
                    }
                    if (word.Contains('/') || word.Contains(':') || word.StartsWith('.') || word.StartsWith('$')) continue; // paths, URLs, variables
                    if (DeclaredDependencies.RequirementName(word) is { } name) found.Add(new DeclaredDependency(name, relativePath, run.Line, "container"));
                }
            }
        }
        return found;
    }

    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f",
        "--find-links", "-t", "--target", "--prefix", "--root", "--python", "-p", "--platform", "--python-version",
        "--implementation", "--abi", "--src", "--trusted-host", "--cache-dir", "--progress-bar", "--report", "-C", "--config-settings",
    };

    // `pip install ...` up to the next command separator
    [GeneratedRegex(@"(?:^|[\s;&|(])(?:python3?(?:\.\d+)?\s+-m\s+pip|pip3?(?:\.\d+)?|uv\s+pip)\s+install\s+(?<args>[^;&|)\n]*)")]
    private static partial Regex PipInstall();
}
