using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;

namespace Muster.Tests.Agents.Dependencies;

public sealed class NuGetParserTests
{
    [Fact]
    public void Csproj_versions_come_from_attributes_elements_and_central_props()
    {
        using var ws = new TempWorkspace().Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="12.0.3" />
                <PackageVersion Include="Serilog" Version="3.1.1" />
              </ItemGroup>
            </Project>
            """).Write("src/Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" />
                <PackageReference Include="Serilog" VersionOverride="[3.0.0,4.0.0)" />
                <PackageReference Include="Dapper">
                  <Version>2.1.35</Version>
                </PackageReference>
                <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />
                <PackageReference Include="Orphan" />
              </ItemGroup>
            </Project>
            """);
        var result = ws.Parse(new MsBuildProjectParser(), "src/Api/Api.csproj");
        var byName = result.Packages.ToDictionary(p => p.Name);
        Assert.Equal(("12.0.3", 6), (byName["Newtonsoft.Json"].Version, byName["Newtonsoft.Json"].Line));
        Assert.Contains("Directory.Packages.props", byName["Newtonsoft.Json"].ManifestKind);
        Assert.Null(byName["Serilog"].Version);
        Assert.Equal("[3.0.0,4.0.0)", byName["Serilog"].Range);
        Assert.Equal("2.1.35", byName["Dapper"].Version);
        Assert.Equal(DependencyScope.Development, byName["StyleCop.Analyzers"].Scope);
        Assert.Equal(12, Assert.Single(result.Problems).Line);
        Assert.Contains("Directory.Packages.props", result.FilesRead);
    }

    [Fact]
    public void Fsproj_and_malformed_xml()
    {
        using var ws = new TempWorkspace()
            .Write("Lib.fsproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"FSharp.Core\" Version=\"8.0.200\" />\n  </ItemGroup>\n</Project>\n")
            .Write("Bad.csproj", "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"X\" Version=\"1.0\">\n  </ItemGroup>\n</Project>\n");
        Assert.Equal("8.0.200", Assert.Single(ws.Parse(new MsBuildProjectParser(), "Lib.fsproj").Packages).Version);
        var bad = ws.Parse(new MsBuildProjectParser(), "Bad.csproj");
        Assert.Equal(4, Assert.Single(bad.Problems).Line);
    }

    [Fact]
    public void Packages_lock_json_types_and_frameworks()
    {
        using var ws = new TempWorkspace().Write("packages.lock.json", """
            {
              "version": 1,
              "dependencies": {
                "net8.0": {
                  "Newtonsoft.Json": {
                    "type": "Direct",
                    "requested": "[12.0.3, )",
                    "resolved": "12.0.3",
                    "contentHash": "6mgjfnRB4jKMlzHSl+VD+oUc1IebOZabkbyWj2RiTgWwYPPuaK1H97G1sHqGwPlS5npiF5Q0OrxN1wni2n5QWg=="
                  },
                  "System.Memory": {
                    "type": "Transitive",
                    "resolved": "4.5.5",
                    "contentHash": "XIWiDvKPXaTveaB7HVganDlOCRoj03l+jrwNvcge/t8vhGYKvqV+dMv6G4SAX2NoNmN0wZfVPTAlFwZcZvVOUw=="
                  },
                  "shared": { "type": "Project" }
                },
                "net6.0": {
                  "Newtonsoft.Json": { "type": "Direct", "requested": "[12.0.3, )", "resolved": "12.0.3", "contentHash": "x" }
                }
              }
            }
            """);
        var result = ws.Parse(new PackagesLockJsonParser(), "packages.lock.json");
        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Packages.Count);
        Assert.Equal((true, "12.0.3", 5), (result.Packages[0].Direct, result.Packages[0].Version, result.Packages[0].Line));
        Assert.False(result.Packages[1].Direct);
    }
}
