using System.Diagnostics;
using Muster.Model;
using Muster.Tests.Cli;

namespace Muster.Tests.Integrations;

/// <summary>
/// The tool package as a user installs it: packed once per test run from the build the tests run against
/// (<c>dotnet pack --no-build</c>, its publish and nuspec files in a temporary folder), then installed with
/// <c>dotnet tool install --tool-path</c> from a feed holding only that package.
/// </summary>
internal static class PackedTool
{
    private static readonly Lazy<Task<string>> Packed = new(PackAsync);

    public static string PackageId => "Muster.Cli";

    /// <summary>The folder holding Muster.Cli.VERSION.nupkg (a local feed).</summary>
    public static Task<string> FeedAsync() => Packed.Value;

    public static async Task<string> NupkgAsync() => Path.Combine(await FeedAsync(), $"{PackageId}.{MusterVersion.Current}.nupkg");

    private static async Task<string> PackAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "muster-pack-" + Guid.NewGuid().ToString("N")[..12]);
        var feed = Directory.CreateDirectory(Path.Combine(folder, "feed")).FullName;
        var project = Path.Combine(CliTests.RepoRoot(), "src", "Muster.Cli");
        var (code, output) = await Dotnet(CliTests.RepoRoot(), null,
            "pack", project, "-c", "Release", "--no-build", "-o", feed,
            $"-p:NuspecOutputPath={Path.Combine(folder, "nuspec")}{Path.DirectorySeparatorChar}",
            $"-p:PublishDir={Path.Combine(folder, "publish")}{Path.DirectorySeparatorChar}");
        if (code != 0) throw new InvalidOperationException($"dotnet pack failed ({code}):\n{output}");
        return feed;
    }

    /// <summary>A nuget.config whose only source is <paramref name="feed"/>: nothing is asked of nuget.org.</summary>
    public static string WriteNugetConfig(string folder, string feed)
    {
        var path = Path.Combine(folder, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        return path;
    }

    /// <summary>
    /// Runs dotnet with a private NuGet package cache (<c>NUGET_PACKAGES</c>): the global cache would keep the first
    /// Muster.Cli of this version it saw and install that, not the package just packed.
    /// </summary>
    public static async Task<(int Code, string Output)> Dotnet(string workingDirectory, string? packageCache, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (packageCache is not null) start.Environment["NUGET_PACKAGES"] = packageCache;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout + await stderr);
    }
}
