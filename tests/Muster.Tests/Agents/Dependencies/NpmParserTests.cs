using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;

namespace Muster.Tests.Agents.Dependencies;

public sealed class NpmParserTests
{
    private const string PackageJson = """
        {
          "name": "shop",
          "version": "1.0.0",
          "dependencies": {
            "lodash": "^4.17.20",
            "express": "4.18.2",
            "left-pad": "latest",
            "my-react": "npm:react@^18.2.0"
          },
          "devDependencies": {
            "jest": "~29.7.0"
          }
        }
        """;

    [Fact]
    public void Package_json_keeps_ranges_as_ranges_and_sections_as_scopes()
    {
        using var ws = new TempWorkspace().Write("app/package.json", PackageJson);
        var result = ws.Parse(new PackageJsonParser(), "app/package.json");
        Assert.Empty(result.Problems);
        var lodash = result.Packages.Single(p => p.Name == "lodash");
        Assert.Equal("^4.17.20", lodash.Range);
        Assert.Null(lodash.Version);
        Assert.Equal(5, lodash.Line);
        Assert.Equal(DependencyScope.Production, lodash.Scope);
        Assert.Equal("4.18.2", result.Packages.Single(p => p.Name == "express").Version);
        Assert.Equal("^18.2.0", result.Packages.Single(p => p.Name == "react").Range);
        Assert.Equal(DependencyScope.Development, result.Packages.Single(p => p.Name == "jest").Scope);
        Assert.All(result.Packages, p => Assert.True(p.Direct));
    }

    [Fact]
    public void Malformed_package_json_is_a_problem_with_its_line()
    {
        using var ws = new TempWorkspace().Write("package.json", "{\n  \"dependencies\": {\n    \"a\": \"1.0.0\",,\n  }\n}\n");
        var result = ws.Parse(new PackageJsonParser(), "package.json");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Empty(result.Packages);
    }

    [Fact]
    public void Package_lock_v1_walks_nested_dependencies()
    {
        using var ws = new TempWorkspace().Write("package.json", PackageJson).Write("package-lock.json", """
            {
              "name": "shop",
              "version": "1.0.0",
              "lockfileVersion": 1,
              "requires": true,
              "dependencies": {
                "lodash": {
                  "version": "4.17.20",
                  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz",
                  "integrity": "sha512-abc"
                },
                "jest": {
                  "version": "29.7.0",
                  "dev": true,
                  "requires": { "jest-cli": "^29.7.0" },
                  "dependencies": {
                    "jest-cli": { "version": "29.7.0", "dev": true }
                  }
                }
              }
            }
            """);
        var result = ws.Parse(new PackageLockParser(), "package-lock.json");
        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Packages.Count);
        var lodash = result.Packages.Single(p => p.Name == "lodash");
        Assert.True(lodash.Direct);
        Assert.Equal("4.17.20", lodash.Version);
        Assert.Equal("package-lock.json v1", lodash.ManifestKind);
        var cli = result.Packages.Single(p => p.Name == "jest-cli");
        Assert.False(cli.Direct);
        Assert.Equal(DependencyScope.Development, cli.Scope);
    }

    [Theory]
    [InlineData("package-lock.json", 2)]
    [InlineData("package-lock.json", 3)]
    [InlineData("npm-shrinkwrap.json", 3)]
    public void Package_lock_v2_and_v3_read_the_packages_map(string fileName, int version)
    {
        using var ws = new TempWorkspace().Write(fileName, $$"""
            {
              "name": "shop",
              "lockfileVersion": {{version}},
              "requires": true,
              "packages": {
                "": {
                  "name": "shop",
                  "dependencies": { "lodash": "^4.17.20" },
                  "devDependencies": { "jest": "~29.7.0" }
                },
                "node_modules/lodash": {
                  "version": "4.17.20",
                  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz"
                },
                "node_modules/jest": { "version": "29.7.0", "dev": true },
                "node_modules/fsevents": { "version": "2.3.3", "optional": true },
                "node_modules/jest/node_modules/lodash": { "version": "3.10.1", "dev": true },
                "node_modules/shared-lib": { "resolved": "packages/shared", "link": true }
              }
            }
            """);
        var result = ws.Parse(new PackageLockParser(), fileName);
        Assert.Empty(result.Problems);
        Assert.Equal(4, result.Packages.Count);
        Assert.Contains(result.Packages, p => p is { Name: "lodash", Version: "4.17.20", Direct: true, Scope: DependencyScope.Production });
        Assert.Contains(result.Packages, p => p is { Name: "lodash", Version: "3.10.1", Direct: false, Scope: DependencyScope.Development });
        Assert.Contains(result.Packages, p => p is { Name: "fsevents", Scope: DependencyScope.Optional, Direct: false });
        Assert.Equal($"{fileName} v{version}", result.Packages[0].ManifestKind);
        Assert.Equal(11, result.Packages.Single(p => p.Version == "4.17.20").Line);
    }

    [Fact]
    public void Yarn_classic_handles_quoted_and_multi_spec_keys()
    {
        using var ws = new TempWorkspace().Write("package.json", """
            { "dependencies": { "@babel/code-frame": "^7.10.4", "lodash": "^4.17.20" }, "devDependencies": { "jest": "^29.0.0" } }
            """).Write("yarn.lock", """
            # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
            # yarn lockfile v1


            "@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
              version "7.12.13"
              resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.13.tgz#dcfc826beef65e75c50e21d3837d7d95798dd658"
              integrity sha512-HV1Cm0Q3ZrpCR93tkWOYiuYIgLxZXZFVG2VgK+MBWjUqZTundupbfx2aXarXuw5Ko5aMcjtJgbSs4vUGBS5v6g==
              dependencies:
                "@babel/highlight" "^7.12.13"

            "@babel/highlight@^7.12.13":
              version "7.13.10"

            jest@^29.0.0:
              version "29.7.0"
              dependencies:
                lodash "^4.17.20"

            lodash@^4.17.20, lodash@^4.17.21:
              version "4.17.21"

            orphan@^1.0.0:
              version "1.0.0"
            """);
        var result = ws.Parse(new YarnLockParser(), "yarn.lock");
        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Packages.Count);
        var frame = result.Packages.Single(p => p.Name == "@babel/code-frame");
        Assert.Equal("7.12.13", frame.Version);
        Assert.True(frame.Direct);
        Assert.Equal(5, frame.Line);
        Assert.Equal(DependencyScope.Production, result.Packages.Single(p => p.Name == "@babel/highlight").Scope);
        // lodash is both a production root and a jest dependency: production wins.
        Assert.Equal(DependencyScope.Production, result.Packages.Single(p => p.Name == "lodash").Scope);
        Assert.Equal(DependencyScope.Development, result.Packages.Single(p => p.Name == "jest").Scope);
        Assert.Equal(DependencyScope.Unknown, result.Packages.Single(p => p.Name == "orphan").Scope);
        Assert.Equal("yarn.lock (classic)", frame.ManifestKind);
    }

    [Fact]
    public void Yarn_berry_reads_npm_protocol_and_skips_workspaces()
    {
        using var ws = new TempWorkspace().Write("package.json", """
            { "name": "app", "devDependencies": { "typescript": "^5.4.0" } }
            """).Write("yarn.lock", """
            # This file is generated by running "yarn install" inside your project.
            # Manual changes might be lost - proceed with caution!

            __metadata:
              version: 8
              cacheKey: 10c0

            "app@workspace:.":
              version: 0.0.0-use.local
              resolution: "app@workspace:."
              dependencies:
                typescript: "npm:^5.4.0"
              languageName: unknown
              linkType: soft

            "typescript@npm:^5.4.0, typescript@npm:^5.4.2":
              version: 5.4.5
              resolution: "typescript@npm:5.4.5"
              bin:
                tsc: bin/tsc
              checksum: 10c0/2954022ada340fd3d6a9e2b8e534f65d57c92d5f3989a263754a78aba549f7e6529acc1921913560a4b816c46dce7df4a4d29f9f11a3dc0d4213bb76d043251e
              languageName: node
              linkType: hard
            """);
        var result = ws.Parse(new YarnLockParser(), "yarn.lock");
        Assert.Empty(result.Problems);
        var ts = Assert.Single(result.Packages);
        Assert.Equal(("typescript", "5.4.5", DependencyScope.Development, true), (ts.Name, ts.Version, ts.Scope, ts.Direct));
        Assert.Equal("yarn.lock (berry)", ts.ManifestKind);
        Assert.Equal(16, ts.Line);
    }

    [Fact]
    public void Yarn_lock_garbage_is_a_problem_with_its_line()
    {
        using var ws = new TempWorkspace().Write("yarn.lock", "lodash@^4.17.20:\n  version \"4.17.21\"\nthis is not yarn\n");
        var result = ws.Parse(new YarnLockParser(), "yarn.lock");
        Assert.Equal(3, Assert.Single(result.Problems).Line);
        Assert.Single(result.Packages);
    }

    [Fact]
    public void Pnpm_v6_reads_slash_keys_and_peer_suffixes()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", """
            lockfileVersion: '6.0'

            settings:
              autoInstallPeers: true
              excludeLinksFromLockfile: false

            dependencies:
              react-dom:
                specifier: ^18.2.0
                version: 18.2.0(react@18.2.0)

            devDependencies:
              vitest:
                specifier: ^1.6.0
                version: 1.6.0

            packages:

              /loose-envify@1.4.0:
                resolution: {integrity: sha512-lyuxPGr/Wfhrlem2CL/UcnUc1zcqKAImBDzukY7Y5F/yQiNdko6+fRLevlw1HgMySw7f611UIY408EtxRSoK3Q==}
                dependencies:
                  js-tokens: 4.0.0
                dev: false

              /js-tokens@4.0.0:
                resolution: {integrity: sha512-RdJUflcE3cUzKiMqQgsCu06FHv9wDqK3vwTyhXyhf0CmlSRnMjOk96Iq3zq2sbMfuC5vxyBuYYzyIBRfH85l9A==}
                dev: false

              /react-dom@18.2.0(react@18.2.0):
                resolution: {integrity: sha512-6IMTriUmvsjHUjNtEDudZfuDQUoWXVxKHhlEGSk81n4YFS+r/Kl99wXiwlVXtPBtJenozv2P+hxDsw9eA7Xo6g==}
                peerDependencies:
                  react: ^18.2.0
                dependencies:
                  loose-envify: 1.4.0
                  react: 18.2.0
                dev: false

              /react@18.2.0:
                dependencies:
                  loose-envify: 1.4.0
                dev: false

              /vitest@1.6.0:
                dev: true
            """);
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Packages.Count);
        Assert.Contains(result.Packages, p => p is { Name: "react-dom", Version: "18.2.0", Direct: true, Scope: DependencyScope.Production });
        Assert.Contains(result.Packages, p => p is { Name: "js-tokens", Direct: false, Scope: DependencyScope.Production });
        Assert.Contains(result.Packages, p => p is { Name: "vitest", Direct: true, Scope: DependencyScope.Development });
        Assert.Equal("pnpm-lock.yaml v6.0", result.Packages[0].ManifestKind);
    }

    [Fact]
    public void Pnpm_v9_has_no_dev_flags_so_importers_are_walked()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", """
            lockfileVersion: '9.0'

            settings:
              autoInstallPeers: true
              excludeLinksFromLockfile: false

            importers:

              .:
                dependencies:
                  '@scope/util':
                    specifier: ^2.0.0
                    version: 2.1.0
                devDependencies:
                  vitest:
                    specifier: ^1.6.0
                    version: 1.6.0(@types/node@20.12.7)

              packages/web:
                dependencies:
                  '@scope/util':
                    specifier: workspace:*
                    version: link:../util

            packages:

              '@scope/util@2.1.0':
                resolution: {integrity: sha512-x}

              '@types/node@20.12.7':
                resolution: {integrity: sha512-y}

              tinypool@0.8.4:
                resolution: {integrity: sha512-z}
                engines: {node: '>=14.0.0'}

              vitest@1.6.0:
                resolution: {integrity: sha512-w}

            snapshots:

              '@scope/util@2.1.0': {}

              '@types/node@20.12.7': {}

              tinypool@0.8.4: {}

              vitest@1.6.0(@types/node@20.12.7):
                dependencies:
                  tinypool: 0.8.4
                optionalDependencies:
                  '@types/node': 20.12.7
            """);
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        Assert.Empty(result.Problems);
        Assert.Equal(4, result.Packages.Count);
        Assert.Contains(result.Packages, p => p is { Name: "@scope/util", Version: "2.1.0", Direct: true, Scope: DependencyScope.Production });
        Assert.Contains(result.Packages, p => p is { Name: "vitest", Direct: true, Scope: DependencyScope.Development });
        Assert.Contains(result.Packages, p => p is { Name: "tinypool", Direct: false, Scope: DependencyScope.Development });
        Assert.Contains(result.Packages, p => p is { Name: "@types/node", Scope: DependencyScope.Development });
    }

    [Fact]
    public void Pnpm_v5_keys_are_normalised()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", """
            lockfileVersion: 5.4

            specifiers:
              ms: ^2.1.3

            dependencies:
              ms: 2.1.3

            packages:

              /ms/2.1.3:
                resolution: {integrity: sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==}
                dev: false
            """);
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        var ms = Assert.Single(result.Packages);
        Assert.Equal(("ms", "2.1.3", true, DependencyScope.Production), (ms.Name, ms.Version, ms.Direct, ms.Scope));
    }

    [Fact]
    public void Pnpm_invalid_yaml_is_a_problem()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {\n    b: [\n");
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        Assert.True(Assert.Single(result.Problems).Line > 0);
    }

    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Pnpm_v9_git_hosted_and_tarball_packages_take_name_and_version_from_their_fields()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", $$"""
            lockfileVersion: '9.0'
            importers:
              .:
                dependencies:
                  is-negative:
                    specifier: github:kevva/is-negative
                    version: https://codeload.github.com/kevva/is-negative/tar.gz/{{Sha}}
                  tar-pkg:
                    specifier: file:../tar-pkg-1.0.0.tgz
                    version: file:../tar-pkg-1.0.0.tgz
                  pkg-a:
                    specifier: file:packages/pkg-a
                    version: file:packages/pkg-a
            packages:
              is-negative@https://codeload.github.com/kevva/is-negative/tar.gz/{{Sha}}:
                resolution: {gitHosted: true, tarball: https://codeload.github.com/kevva/is-negative/tar.gz/{{Sha}}}
                version: 2.1.0
              tar-pkg@file:../tar-pkg-1.0.0.tgz:
                resolution: {tarball: file:../tar-pkg-1.0.0.tgz}
                version: 1.0.0
              pkg-a@file:packages/pkg-a:
                resolution: {directory: packages/pkg-a, type: directory}
              'pkg-b@file:packages/pkg-b(peer@1.0.0)':
                dependencies:
                  peer: 1.0.0
            snapshots:
              is-negative@https://codeload.github.com/kevva/is-negative/tar.gz/{{Sha}}: {}
              tar-pkg@file:../tar-pkg-1.0.0.tgz: {}
              pkg-a@file:packages/pkg-a: {}
            """);
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        Assert.Equal([("is-negative", "2.1.0", true), ("tar-pkg", "1.0.0", true)],
            result.Packages.Select(p => (p.Name, p.Version, p.Direct)).OrderBy(p => p.Name));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Pnpm_v6_git_path_keys_are_matched_to_the_importer_that_names_them()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", $$"""
            lockfileVersion: '6.0'
            dependencies:
              is-negative:
                specifier: github:kevva/is-negative#master
                version: github.com/kevva/is-negative/{{Sha}}
            packages:
              /is-positive@3.1.0:
                resolution: {integrity: sha512-8ND1j3y9/HP94TOvGzr69/FgbkX2ruOldhLEsTWwcJVfo4oRjwemJmJxt7RJkKYH8tz7vYBP9JcKQY8CLuJ90Q==}
                dev: false
              github.com/kevva/is-negative/{{Sha}}:
                resolution: {tarball: https://codeload.github.com/kevva/is-negative/tar.gz/{{Sha}}}
                name: is-negative
                version: 2.0.0
                dependencies:
                  is-positive: 3.1.0
                dev: false
            """);
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        var negative = Assert.Single(result.Packages, p => p.Name == "is-negative");
        Assert.Equal(("2.0.0", true, DependencyScope.Production), (negative.Version, negative.Direct, negative.Scope));
        var positive = Assert.Single(result.Packages, p => p.Name == "is-positive");
        Assert.Equal(("3.1.0", false, DependencyScope.Production), (positive.Version, positive.Direct, positive.Scope));
    }

    [Fact]
    public void Pnpm_v5_keys_from_another_registry_lose_the_host_but_dotted_names_keep_their_dot()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", """
            lockfileVersion: 5.3
            specifiers:
              foo: ^1.0.0
              '@acme/bar': ^2.0.0
              socket.io: ^2.0.4
            dependencies:
              foo: registry.example.com/foo/1.0.0
              '@acme/bar': registry.example.com/@acme/bar/2.0.0
              socket.io: 2.0.4
            packages:
              registry.example.com/foo/1.0.0:
                resolution: {tarball: https://registry.example.com/foo/-/foo-1.0.0.tgz}
                dev: false
              registry.example.com/@acme/bar/2.0.0:
                resolution: {tarball: https://registry.example.com/@acme/bar/-/bar-2.0.0.tgz}
                dev: false
              /socket.io/2.0.4:
                resolution: {integrity: sha512-8ND1j3y9/HP94TOvGzr69/FgbkX2ruOldhLEsTWwcJVfo4oRjwemJmJxt7RJkKYH8tz7vYBP9JcKQY8CLuJ90Q==}
                dev: false
            """);
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        Assert.Equal([("@acme/bar", "2.0.0", true), ("foo", "1.0.0", true), ("socket.io", "2.0.4", true)],
            result.Packages.Select(p => (p.Name, p.Version, p.Direct)).OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_pnpm_lockfile_locks_nothing_and_is_no_problem()
    {
        using var ws = new TempWorkspace().Write("pnpm-lock.yaml", "\n");
        var result = ws.Parse(new PnpmLockParser(), "pnpm-lock.yaml");
        Assert.Empty(result.Packages);
        Assert.Empty(result.Problems);
    }
}
