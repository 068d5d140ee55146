using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;

namespace Muster.Tests.Agents.Dependencies;

public sealed class PythonParserTests
{
    [Fact]
    public void Requirements_txt_handles_includes_extras_markers_hashes_urls_editables_and_continuations()
    {
        using var ws = new TempWorkspace()
            .Write("api/base.txt", "# shared\nrequests[socks,security]>=2.25 ; python_version >= \"3.8\"\n")
            .Write("api/constraints.txt", "requests==2.31.0\n")
            .Write("api/requirements.txt", """
                # API service
                -r base.txt
                -c constraints.txt
                --index-url https://pypi.org/simple
                fastapi==0.110.0  # web framework
                uvicorn[standard]>=0.29,<0.30
                pydantic \
                    >=2.6
                cryptography==42.0.5 \
                    --hash=sha256:0000000000000000000000000000000000000000000000000000000000000000 \
                    --hash=sha256:1111111111111111111111111111111111111111111111111111111111111111
                mylib @ https://example.com/mylib-1.0.tar.gz
                -e git+https://github.com/example/toolkit.git@v1.2#egg=toolkit
                -e ./local-package
                ./wheels/thing-1.0-py3-none-any.whl
                python-jose[cryptography]==3.3.0 ; sys_platform != "win32"
                """);
        var result = ws.Parse(new RequirementsTxtParser(), "api/requirements.txt");
        Assert.Empty(result.Problems);
        Assert.Equal(["requests", "fastapi", "uvicorn", "pydantic", "cryptography", "mylib", "toolkit", "python-jose"],
            result.Packages.Select(p => p.Name));
        var requests = result.Packages[0];
        Assert.Equal(("api/base.txt", 2, ">=2.25", "2.31.0"), (requests.ManifestPath, requests.Line, requests.Range, requests.Version));
        Assert.Contains("constraints", requests.ManifestKind);
        Assert.Equal("0.110.0", result.Packages[1].Version);
        var uvicorn = result.Packages[2];
        Assert.Null(uvicorn.Version);
        Assert.Equal(">=0.29,<0.30", uvicorn.Range);
        Assert.Equal((7, ">=2.6"), (result.Packages[3].Line, result.Packages[3].Range));
        Assert.Equal(("42.0.5", 9), (result.Packages[4].Version, result.Packages[4].Line));
        Assert.Null(result.Packages[5].Version);
        Assert.Equal("3.3.0", result.Packages[7].Version);
        Assert.Contains("api/base.txt", result.FilesRead);
    }

    [Fact]
    public void Requirements_range_is_never_turned_into_a_lowest_version()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "django>=3.2\n");
        var django = Assert.Single(ws.Parse(new RequirementsTxtParser(), "requirements.txt").Packages);
        Assert.Null(django.Version);
        Assert.Equal(">=3.2", django.Range);
    }

    [Fact]
    public void Requirements_errors_and_dev_files()
    {
        using var ws = new TempWorkspace().Write("requirements-dev.txt", "pytest==8.1.1\nnot a requirement!!\n-r missing.txt\n");
        var result = ws.Parse(new RequirementsTxtParser(), "requirements-dev.txt");
        Assert.Equal(DependencyScope.Development, Assert.Single(result.Packages).Scope);
        Assert.Equal([2, 3], result.Problems.Select(p => p.Line));
        Assert.True(new RequirementsTxtParser().Matches("requirements-test.txt"));
        Assert.True(new RequirementsTxtParser().Matches("dev-requirements.txt"));
        Assert.False(new RequirementsTxtParser().Matches("notes.txt"));
    }

    [Fact]
    public void Requirements_includes_never_leave_the_audited_root()
    {
        using var outside = new TempWorkspace().Write("secret.txt", "leaked==1.0\n");
        using var ws = new TempWorkspace().Write("requirements.txt", $"-r {Path.Combine(outside.Root, "secret.txt")}\n-r ../{Path.GetFileName(outside.Root)}/secret.txt\nflask==3.0.0\n");
        var result = ws.Parse(new RequirementsTxtParser(), "requirements.txt");
        Assert.Equal(["flask"], result.Packages.Select(p => p.Name));
        Assert.Equal([1, 2], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Requirements_include_cycles_terminate()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "-r other.txt\nflask==3.0.0\n").Write("other.txt", "-r requirements.txt\nclick==8.1.7\n");
        var result = ws.Parse(new RequirementsTxtParser(), "requirements.txt");
        Assert.Equal(["click", "flask"], result.Packages.Select(p => p.Name));
    }

    private const string Pyproject = """
        [project]
        name = "meowping"
        version = "0.1.0"
        dependencies = [
            "fastapi>=0.110",
            "SQLAlchemy==2.0.29",
        ]

        [project.optional-dependencies]
        postgres = ["psycopg[binary]>=3.1"]

        [dependency-groups]
        dev = ["pytest>=8", {include-group = "lint"}]
        lint = ["ruff==0.4.1"]

        [tool.uv]
        dev-dependencies = ["mypy>=1.9"]

        [tool.poetry.dependencies]
        python = "^3.11"
        httpx = "^0.27"
        rich = { version = "13.7.1", optional = true }

        [tool.poetry.group.test.dependencies]
        coverage = "~7.4"
        """;

    [Fact]
    public void Pyproject_reads_pep621_groups_uv_and_poetry()
    {
        using var ws = new TempWorkspace().Write("pyproject.toml", Pyproject);
        var result = ws.Parse(new PyprojectParser(), "pyproject.toml");
        Assert.Empty(result.Problems);
        var byName = result.Packages.ToDictionary(p => p.Name);
        Assert.Equal(["fastapi", "SQLAlchemy", "psycopg", "pytest", "ruff", "mypy", "httpx", "rich", "coverage"], result.Packages.Select(p => p.Name));
        Assert.Equal((DependencyScope.Production, ">=0.110", 5), (byName["fastapi"].Scope, byName["fastapi"].Range, byName["fastapi"].Line));
        Assert.Equal("2.0.29", byName["SQLAlchemy"].Version);
        Assert.Equal(DependencyScope.Optional, byName["psycopg"].Scope);
        Assert.Equal(DependencyScope.Development, byName["pytest"].Scope);
        Assert.Equal(DependencyScope.Development, byName["mypy"].Scope);
        Assert.Equal(("^0.27", 21), (byName["httpx"].Range, byName["httpx"].Line));
        Assert.Equal((DependencyScope.Optional, "13.7.1"), (byName["rich"].Scope, byName["rich"].Version));
        Assert.Equal(DependencyScope.Development, byName["coverage"].Scope);
    }

    [Fact]
    public void Malformed_toml_is_a_problem_with_a_line()
    {
        using var ws = new TempWorkspace().Write("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\n  \"a\",\n  = broken\n");
        var result = ws.Parse(new PyprojectParser(), "pyproject.toml");
        var problem = Assert.Single(result.Problems);
        Assert.InRange(problem.Line, 3, 6);
    }

    [Fact]
    public void Poetry_lock_with_and_without_categories()
    {
        using var ws = new TempWorkspace().Write("pyproject.toml", """
            [tool.poetry.dependencies]
            python = "^3.11"
            httpx = "^0.27"

            [tool.poetry.group.dev.dependencies]
            pytest = "^8.1"
            """).Write("poetry.lock", """
            # This file is automatically @generated by Poetry 1.8.2 and should not be changed by hand.

            [[package]]
            name = "httpx"
            version = "0.27.0"
            description = "The next generation HTTP client."
            optional = false
            python-versions = ">=3.8"
            files = [
                {file = "httpx-0.27.0-py3-none-any.whl", hash = "sha256:71d5465162c13681bff01ad59b2cc68dd838ea1f10e51574bac27103f00c91a5"},
            ]

            [package.dependencies]
            anyio = "*"
            idna = "*"

            [[package]]
            name = "anyio"
            version = "4.3.0"
            optional = false
            python-versions = ">=3.8"

            [[package]]
            name = "idna"
            version = "3.7"
            optional = false
            python-versions = ">=3.5"

            [[package]]
            name = "pytest"
            version = "8.1.1"
            optional = false
            python-versions = ">=3.8"

            [package.dependencies]
            iniconfig = "*"

            [[package]]
            name = "iniconfig"
            version = "2.0.0"
            optional = false
            python-versions = ">=3.7"

            [metadata]
            lock-version = "2.0"
            python-versions = "^3.11"
            content-hash = "abc"
            """);
        var result = ws.Parse(new PoetryLockParser(), "poetry.lock");
        Assert.Empty(result.Problems);
        var byName = result.Packages.ToDictionary(p => p.Name);
        Assert.Equal((true, DependencyScope.Production, 4), (byName["httpx"].Direct, byName["httpx"].Scope, byName["httpx"].Line));
        Assert.Equal((false, DependencyScope.Production), (byName["idna"].Direct, byName["idna"].Scope));
        Assert.Equal((false, DependencyScope.Development), (byName["iniconfig"].Direct, byName["iniconfig"].Scope));

        ws.Write("old/poetry.lock", """
            [[package]]
            name = "black"
            version = "22.3.0"
            category = "dev"
            optional = false
            python-versions = ">=3.6.2"
            """);
        var old = Assert.Single(ws.Parse(new PoetryLockParser(), "old/poetry.lock").Packages);
        Assert.Equal(DependencyScope.Development, old.Scope);
    }

    [Fact]
    public void Uv_lock_classifies_from_the_project_entry()
    {
        using var ws = new TempWorkspace().Write("uv.lock", """
            version = 1
            requires-python = ">=3.12"

            [[package]]
            name = "anyio"
            version = "4.3.0"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [
                { name = "idna" },
                { name = "sniffio" },
            ]

            [[package]]
            name = "idna"
            version = "3.7"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "meowping-backend"
            version = "0.1.0"
            source = { editable = "." }
            dependencies = [
                { name = "anyio" },
            ]

            [package.dev-dependencies]
            dev = [
                { name = "pytest" },
            ]

            [[package]]
            name = "pytest"
            version = "8.1.1"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "sniffio"
            version = "1.3.1"
            source = { registry = "https://pypi.org/simple" }
            """);
        var result = ws.Parse(new UvLockParser(), "uv.lock");
        Assert.Empty(result.Problems);
        var byName = result.Packages.ToDictionary(p => p.Name);
        Assert.DoesNotContain("meowping-backend", byName.Keys);
        Assert.Equal((true, DependencyScope.Production, 5), (byName["anyio"].Direct, byName["anyio"].Scope, byName["anyio"].Line));
        Assert.Equal(DependencyScope.Production, byName["sniffio"].Scope);
        Assert.Equal((true, DependencyScope.Development), (byName["pytest"].Direct, byName["pytest"].Scope));
    }

    [Fact]
    public void Pipfile_and_lock()
    {
        using var ws = new TempWorkspace().Write("Pipfile", """
            [[source]]
            url = "https://pypi.org/simple"
            verify_ssl = true
            name = "pypi"

            [packages]
            requests = "*"
            flask = {version = "==3.0.0", extras = ["async"]}

            [dev-packages]
            pytest = ">=8"
            """).Write("Pipfile.lock", """
            {
                "_meta": { "hash": { "sha256": "x" }, "pipfile-spec": 6 },
                "default": {
                    "requests": { "hashes": [], "version": "==2.31.0" },
                    "urllib3": { "hashes": [], "version": "==2.2.1" }
                },
                "develop": {
                    "pytest": { "hashes": [], "version": "==8.1.1" }
                }
            }
            """);
        var manifest = ws.Parse(new PipfileParser(), "Pipfile");
        Assert.Empty(manifest.Problems);
        Assert.Equal(["requests", "flask", "pytest"], manifest.Packages.Select(p => p.Name));
        Assert.Equal(("*", null, 7), (manifest.Packages[0].Range, manifest.Packages[0].Version, manifest.Packages[0].Line));
        Assert.Equal("3.0.0", manifest.Packages[1].Version);
        Assert.Equal(DependencyScope.Development, manifest.Packages[2].Scope);
        var lockResult = ws.Parse(new PipfileLockParser(), "Pipfile.lock");
        Assert.Empty(lockResult.Problems);
        var byName = lockResult.Packages.ToDictionary(p => p.Name);
        Assert.Equal(("2.31.0", true, 4), (byName["requests"].Version, byName["requests"].Direct, byName["requests"].Line));
        Assert.False(byName["urllib3"].Direct);
        Assert.Equal(DependencyScope.Development, byName["pytest"].Scope);
    }

    [Fact]
    public void Requirements_txt_per_requirement_options_are_not_part_of_the_requirement()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", """
            -C editable_mode=compat
            numpy==2.1.0 -C setup-args=-Dblas=openblas
            scipy==1.14.1 --config-settings=setup-args=-Duse-pythran=false --config-settings builddir=build
            lxml==5.3.0	--global-option=build_ext
            pywin32==306 ; platform_release != "10 -x" and sys_platform == "win32"
            -e ./local-package --config-settings editable_mode=strict
            """);
        var result = ws.Parse(new RequirementsTxtParser(), "requirements.txt");
        Assert.Empty(result.Problems);
        Assert.Equal([("numpy", "2.1.0"), ("scipy", "1.14.1"), ("lxml", "5.3.0"), ("pywin32", "306")],
            result.Packages.Select(p => (p.Name, p.Version)));
    }
}
