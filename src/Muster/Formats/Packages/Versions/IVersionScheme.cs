using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Versions;

/// <summary>One ecosystem's version rules: ordering, validity and requirement syntax.</summary>
internal interface IVersionScheme
{
    Ecosystem Ecosystem { get; }

    bool IsValid(string version);

    /// <summary>Orders two versions; throws <see cref="FormatException"/> for text that is not a version here.</summary>
    int Compare(string a, string b);

    /// <summary>Parses a requirement; false (with the reason) for text that is not a range (tags, URLs, paths).</summary>
    bool TryParseRange(string text, out VersionRange range, out string error);

    /// <summary>Whether a concrete version satisfies the requirement under this ecosystem's rules.</summary>
    bool Satisfies(VersionRange range, string version);
}
