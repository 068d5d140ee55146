using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Muster.Tests.Agents.Dependencies;

/// <summary>The edges each lockfile kind records reach the SBOM: the project's direct dependencies and the packages' own.</summary>
public sealed class SbomLockfileGraphTests
{
    [Fact]
    public async Task Yarn_classic_lock_gives_edges_and_integrity()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", """{ "name": "app", "version": "1.0.0", "dependencies": { "chalk-ish": "^4.1.0" } }""")
            .Write("yarn.lock", """
                # yarn lockfile v1


                chalk-ish@^4.1.0:
                  version "4.1.2"
                  resolved "https://registry.example/chalk-ish/-/chalk-ish-4.1.2.tgz"
                  integrity sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=
                  dependencies:
                    has-flag-ish "^4.0.0"

                has-flag-ish@^4.0.0:
                  version "4.0.0"
                """);
        var (bom, _) = await SbomTests.WriteSbom(ws);
        Assert.Equal(["pkg:npm/chalk-ish@4.1.2"], SbomTests.Edges(bom, "project:."));
        Assert.Equal(["pkg:npm/has-flag-ish@4.0.0"], SbomTests.Edges(bom, "pkg:npm/chalk-ish@4.1.2"));
        Assert.Equal("SHA-1", Component(bom, "pkg:npm/chalk-ish@4.1.2").GetProperty("hashes")[0].GetProperty("alg").GetString());
        Assert.Equal("pkg:npm/app@1.0.0", bom.GetProperty("metadata").GetProperty("component").GetProperty("purl").GetString());
    }

    [Fact]
    public async Task Pnpm_importers_are_separate_projects_with_their_own_edges()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", """{ "name": "mono", "version": "0.1.0", "private": true }""")
            .Write("packages/site/package.json", """{ "name": "site", "version": "3.0.0", "dependencies": { "react-like": "^18.2.0" } }""")
            .Write("pnpm-lock.yaml", """
                lockfileVersion: '9.0'

                importers:

                  .:
                    devDependencies:
                      lint-core:
                        specifier: ^8.0.0
                        version: 8.52.0

                  packages/site:
                    dependencies:
                      react-like:
                        specifier: ^18.2.0
                        version: 18.2.0

                packages:

                  lint-core@8.52.0:
                    resolution: {integrity: sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=}

                  loose-envify-ish@1.4.0:
                    resolution: {integrity: sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=}

                  react-like@18.2.0:
                    resolution: {integrity: sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=}

                snapshots:

                  lint-core@8.52.0: {}

                  loose-envify-ish@1.4.0: {}

                  react-like@18.2.0:
                    dependencies:
                      loose-envify-ish: 1.4.0
                """);
        var (bom, _) = await SbomTests.WriteSbom(ws);
        Assert.Equal(["pkg:npm/lint-core@8.52.0", "project:packages/site"], SbomTests.Edges(bom, "project:."));
        Assert.Equal(["pkg:npm/react-like@18.2.0"], SbomTests.Edges(bom, "project:packages/site"));
        Assert.Equal(["pkg:npm/loose-envify-ish@1.4.0"], SbomTests.Edges(bom, "pkg:npm/react-like@18.2.0"));
        Assert.Equal("optional", Component(bom, "pkg:npm/lint-core@8.52.0").GetProperty("scope").GetString());
        Assert.Equal("pkg:npm/site@3.0.0", Component(bom, "project:packages/site").GetProperty("purl").GetString());
    }

    [Fact]
    public async Task Uv_lock_resolves_the_pyproject_ranges_and_records_edges()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", """
                [project]
                name = "svc"
                version = "0.3.0"
                license = "Apache-2.0"
                dependencies = ["httpx>=0.27"]
                """)
            .Write("uv.lock", """
                version = 1

                [[package]]
                name = "svc"
                version = "0.3.0"
                source = { editable = "." }
                dependencies = [{ name = "httpx" }]

                [[package]]
                name = "httpx"
                version = "0.27.2"
                source = { registry = "https://pypi.example/simple" }
                dependencies = [{ name = "idna" }]

                [[package]]
                name = "idna"
                version = "3.10"
                source = { registry = "https://pypi.example/simple" }
                """);
        var (bom, _) = await SbomTests.WriteSbom(ws);
        var subject = bom.GetProperty("metadata").GetProperty("component");
        Assert.Equal("pkg:pypi/svc@0.3.0", subject.GetProperty("purl").GetString());
        Assert.Equal("Apache-2.0", subject.GetProperty("licenses")[0].GetProperty("expression").GetString());
        // httpx>=0.27 appears once, as the locked 0.27.2.
        Assert.Equal(["pkg:pypi/httpx@0.27.2"], SbomTests.Edges(bom, "project:."));
        Assert.Equal(["pkg:pypi/idna@3.10"], SbomTests.Edges(bom, "pkg:pypi/httpx@0.27.2"));
        Assert.DoesNotContain(bom.GetProperty("components").EnumerateArray(), c => c.GetProperty("bom-ref").GetString()!.Contains("#range=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poetry_lock_records_edges_from_the_pyproject_roots()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", """
                [tool.poetry]
                name = "tool"
                version = "1.1.0"

                [tool.poetry.dependencies]
                python = "^3.11"
                requests = "^2.31"
                """)
            .Write("poetry.lock", """
                [[package]]
                name = "requests"
                version = "2.32.3"

                [package.dependencies]
                urllib3 = ">=1.21.1,<3"

                [[package]]
                name = "urllib3"
                version = "2.2.3"
                """);
        var (bom, _) = await SbomTests.WriteSbom(ws);
        Assert.Equal(["pkg:pypi/requests@2.32.3"], SbomTests.Edges(bom, "project:."));
        Assert.Equal(["pkg:pypi/urllib3@2.2.3"], SbomTests.Edges(bom, "pkg:pypi/requests@2.32.3"));
    }

    [Fact]
    public async Task Nuget_packages_lock_gives_edges_and_the_content_hash()
    {
        using var ws = new TempWorkspace()
            .Write("src/Api/Api.csproj", """<Project><PropertyGroup><Version>2.1.0</Version></PropertyGroup><ItemGroup><PackageReference Include="Serilog.Sinks.Console" Version="6.0.0" /></ItemGroup></Project>""")
            .Write("src/Api/packages.lock.json", """
                { "version": 1, "dependencies": { "net10.0": {
                  "Serilog.Sinks.Console": { "type": "Direct", "requested": "[6.0.0, )", "resolved": "6.0.0",
                    "contentHash": "Poyj2UXpU+zjQy1I9AqlWqYQ8xjeakO/i2MTzVgKJqGm0bzmnt3FFfQoaQnflNXMFjTEhzEOMp5Hnyb5wCymgA==",
                    "dependencies": { "Serilog": "4.0.0" } },
                  "Serilog": { "type": "Transitive", "resolved": "4.0.0" } } } }
                """);
        var (bom, _) = await SbomTests.WriteSbom(ws);
        Assert.Equal("pkg:nuget/Api@2.1.0", Component(bom, "project:src/Api").GetProperty("purl").GetString());
        Assert.Equal(["pkg:nuget/Serilog.Sinks.Console@6.0.0"], SbomTests.Edges(bom, "project:src/Api"));
        Assert.Equal(["pkg:nuget/Serilog@4.0.0"], SbomTests.Edges(bom, "pkg:nuget/Serilog.Sinks.Console@6.0.0"));
        Assert.Equal("SHA-512", Component(bom, "pkg:nuget/Serilog.Sinks.Console@6.0.0").GetProperty("hashes")[0].GetProperty("alg").GetString());
    }

    [Fact]
    public async Task Package_lock_v1_resolves_requires_through_the_nested_tree()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", """{ "name": "old", "version": "0.0.1", "dependencies": { "a-lib": "^1.0.0", "b-lib": "^1.0.0" } }""")
            .Write("package-lock.json", """
                { "name": "old", "version": "0.0.1", "lockfileVersion": 1, "requires": true, "dependencies": {
                  "a-lib": { "version": "1.0.0", "requires": { "c-lib": "^2.0.0" },
                    "dependencies": { "c-lib": { "version": "2.1.0" } } },
                  "b-lib": { "version": "1.4.0", "requires": { "c-lib": "^1.0.0" } },
                  "c-lib": { "version": "1.9.0" } } }
                """);
        var (bom, _) = await SbomTests.WriteSbom(ws);
        Assert.Equal(["pkg:npm/a-lib@1.0.0", "pkg:npm/b-lib@1.4.0"], SbomTests.Edges(bom, "project:."));
        Assert.Equal(["pkg:npm/c-lib@2.1.0"], SbomTests.Edges(bom, "pkg:npm/a-lib@1.0.0"));
        Assert.Equal(["pkg:npm/c-lib@1.9.0"], SbomTests.Edges(bom, "pkg:npm/b-lib@1.4.0"));
    }

    [Fact]
    public async Task Uv_and_poetry_locks_give_each_pinned_file_as_a_distribution_with_its_digest()
    {
        string Sha(string file) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)));
        using var ws = new TempWorkspace()
            .Write("svc/pyproject.toml", "[project]\nname = \"svc\"\nversion = \"0.1.0\"\ndependencies = [\"idna\"]\n")
            .Write("svc/uv.lock", $$"""
                version = 1

                [[package]]
                name = "svc"
                version = "0.1.0"
                source = { editable = "." }
                dependencies = [{ name = "idna" }]

                [[package]]
                name = "idna"
                version = "3.10"
                source = { registry = "https://pypi.example/simple" }
                sdist = { url = "https://files.example/idna-3.10.tar.gz", hash = "sha256:{{Sha("sdist")}}", size = 190490 }
                wheels = [
                    { url = "https://files.example/idna-3.10-py3-none-any.whl", hash = "sha256:{{Sha("wheel")}}", size = 70442 },
                    { url = "https://files.example/broken.whl", hash = "md5:abc", size = 1 },
                ]
                """)
            .Write("tool/pyproject.toml", "[tool.poetry]\nname = \"tool\"\nversion = \"1.0.0\"\n\n[tool.poetry.dependencies]\nurllib3 = \"^2\"\n")
            .Write("tool/poetry.lock", $$"""
                [[package]]
                name = "urllib3"
                version = "2.2.3"
                files = [
                    {file = "urllib3-2.2.3-py3-none-any.whl", hash = "sha256:{{Sha("u-wheel")}}"},
                ]

                [metadata]
                lock-version = "2.0"
                """);
        var (bom, path) = await SbomTests.WriteSbom(ws);

        var idna = Component(bom, "pkg:pypi/idna@3.10").GetProperty("externalReferences").EnumerateArray().ToList();
        Assert.Equal(["https://files.example/idna-3.10.tar.gz", "https://files.example/idna-3.10-py3-none-any.whl"],
            idna.Select(r => r.GetProperty("url").GetString()));
        Assert.All(idna, r => Assert.Equal("distribution", r.GetProperty("type").GetString()));
        Assert.Equal(Sha("wheel"), idna[1].GetProperty("hashes")[0].GetProperty("content").GetString());
        var urllib3 = Assert.Single(Component(bom, "pkg:pypi/urllib3@2.2.3").GetProperty("externalReferences").EnumerateArray());
        Assert.Equal("urllib3-2.2.3-py3-none-any.whl", urllib3.GetProperty("url").GetString());
        Assert.Equal("SHA-256", urllib3.GetProperty("hashes")[0].GetProperty("alg").GetString());
        var (valid, output) = await CycloneDxValidator.ValidateAsync(path);
        Assert.True(valid, output);
    }

    private static JsonElement Component(JsonElement bom, string reference) =>
        bom.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("bom-ref").GetString() == reference);
}
