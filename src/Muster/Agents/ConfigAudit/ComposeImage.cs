namespace Muster.Agents.ConfigAudit;

/// <summary>
/// An <c>image:</c> reference split as the engine reads it: the repository path without registry host, <c>docker.io</c>
/// or <c>library/</c>, lower-case, and the tag (null when absent or given by digest only).
/// </summary>
internal sealed record ComposeImage(string Repository, string? Tag)
{
    public static ComposeImage? Parse(string? image)
    {
        if (string.IsNullOrWhiteSpace(image) || image.Contains('$')) return null;
        var text = image.Trim().ToLowerInvariant();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0) text = text[..at];
        var lastSlash = text.LastIndexOf('/');
        var colon = text.IndexOf(':', lastSlash + 1);
        var tag = colon < 0 ? null : text[(colon + 1)..];
        var path = colon < 0 ? text : text[..colon];
        var parts = path.Split('/').ToList();
        if (parts.Count > 1 && (parts[0].Contains('.') || parts[0].Contains(':') || parts[0] == "localhost")) parts.RemoveAt(0);
        if (parts.Count > 1 && parts[0] == "library") parts.RemoveAt(0);
        return new ComposeImage(string.Join('/', parts), tag);
    }

    /// <summary>The tag's leading major version (<c>7.17.2</c> → 7), when it starts with one.</summary>
    public int? MajorVersion
    {
        get
        {
            if (Tag is null) return null;
            var digits = Tag.TrimStart('v').TakeWhile(char.IsAsciiDigit).ToArray();
            return digits.Length is > 0 and < 6 ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
    }

    public bool Is(params string[] repositories) => repositories.Contains(Repository, StringComparer.Ordinal);
}
