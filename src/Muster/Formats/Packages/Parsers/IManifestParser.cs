namespace Muster.Formats.Packages.Parsers;

/// <summary>Reads one kind of manifest or lockfile. Never throws for bad input: problems go to the result.</summary>
internal interface IManifestParser
{
    bool Matches(string fileName);

    void Parse(ManifestFile file, ParseResult result);
}
