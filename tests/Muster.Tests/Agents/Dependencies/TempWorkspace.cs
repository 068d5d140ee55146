using Muster.Formats.Packages.Parsers;

namespace Muster.Tests.Agents.Dependencies;

/// <summary>A throwaway folder of manifests for parser and agent tests.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "muster-deps-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempWorkspace Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.ReplaceLineEndings("\n"));
        return this;
    }

    public ManifestFile Open(string relativePath) =>
        new(relativePath, Path.Combine(Root, relativePath), File.ReadAllText(Path.Combine(Root, relativePath)));

    public ParseResult Parse(IManifestParser parser, string relativePath)
    {
        var result = new ParseResult();
        parser.Parse(Open(relativePath), result);
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
