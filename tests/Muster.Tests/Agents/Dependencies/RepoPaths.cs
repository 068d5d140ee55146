namespace Muster.Tests.Agents.Dependencies;

internal static class RepoPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds Muster.slnx.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Muster.slnx not found above {AppContext.BaseDirectory}.");
    }
}
