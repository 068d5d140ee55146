using System.Reflection;

namespace Muster.Reports;

/// <summary>Where Muster itself lives on the web: set once in Directory.Build.props (<c>MusterProjectUrl</c>).</summary>
internal static class MusterProject
{
    public static string? HomeUri { get; } = Metadata("MusterProjectUrl");

    /// <summary>The docs folder at the default branch, ending in '/'.</summary>
    public static string? DocsUri { get; } = HomeUri is { } home ? home.TrimEnd('/') + "/blob/main/docs/" : null;

    private static string? Metadata(string key) =>
        typeof(MusterProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value ? value : null;
}
