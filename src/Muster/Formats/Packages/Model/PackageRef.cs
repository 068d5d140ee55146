namespace Muster.Formats.Packages.Model;

/// <summary>
/// A lockfile entry another entry depends on, by the name and version that entry's record carries (stored redacted,
/// as <see cref="PackageRecord"/> stores them, so an edge always names its target's record).
/// </summary>
internal sealed record PackageRef
{
    public PackageRef(string name, string version)
    {
        Name = name;
        Version = version;
    }

    public string Name { get; init => field = SourceUrl.Redact(value); }
    public string Version { get; init => field = SourceUrl.Redact(value); }
}
