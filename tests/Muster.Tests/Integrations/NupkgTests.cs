using System.IO.Compression;
using System.Xml.Linq;
using Muster.Model;

namespace Muster.Tests.Integrations;

/// <summary>Issue 15: the tool package carries README, licence, icon, repository URL and the one version, and installs.</summary>
public sealed class NupkgTests
{
    [Fact]
    public async Task The_package_carries_readme_licence_icon_repository_and_the_version_of_Directory_Build_props()
    {
        using var zip = ZipFile.OpenRead(await PackedTool.NupkgAsync());
        var nuspecEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open()) nuspec = XDocument.Load(stream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var props = XDocument.Load(Path.Combine(Cli.CliTests.RepoRoot(), "Directory.Build.props"));
        string Prop(string name) => props.Descendants(name).Single().Value;

        Assert.Equal(PackedTool.PackageId, Field("id"));
        Assert.Equal(Prop("Version"), Field("version"));
        Assert.Equal(MusterVersion.Current, Field("version"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Field("readme"));
        Assert.Equal("icon.png", Field("icon"));
        Assert.Equal(Prop("MusterProjectUrl"), Field("projectUrl"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Prop("MusterProjectUrl"), repository.Attribute("url")?.Value);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));

        var readme = zip.GetEntry("README.md") ?? throw new Xunit.Sdk.XunitException("README.md is not in the package");
        using (var reader = new StreamReader(readme.Open())) Assert.StartsWith("# Muster", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        var icon = zip.GetEntry("icon.png") ?? throw new Xunit.Sdk.XunitException("icon.png is not in the package");
        var header = new byte[8];
        using (var stream = icon.Open()) stream.ReadExactly(header);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dotnet_tool_install_from_the_packed_nupkg_gives_a_muster_that_prints_the_version()
    {
        var feed = await PackedTool.FeedAsync();
        using var temp = new TempTree();
        var config = PackedTool.WriteNugetConfig(temp.Path, feed);
        var tools = Path.Combine(temp.Path, "tools");

        var install = await PackedTool.Dotnet(temp.Path, Path.Combine(temp.Path, "nuget-cache"),
            "tool", "install", PackedTool.PackageId, "--tool-path", tools, "--configfile", config, "--version", MusterVersion.Current);
        Assert.True(install.Code == 0, install.Output);

        var shim = new System.Diagnostics.ProcessStartInfo(Path.Combine(tools, "muster"), "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(shim)!;
        var printed = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(MusterVersion.Current, printed.Trim());
    }
}
