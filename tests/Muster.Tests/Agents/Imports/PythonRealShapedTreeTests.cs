using Muster.Agents.Imports;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

/// <summary>
/// The false-positive classes found on real projects (uv workspaces, Poetry path dependencies, src and namespace
/// layouts, guards, test-time sys.path, fixtures, examples), each on a small tree shaped like the real one, with a truly
/// missing module beside it that must stay HIGH.
/// </summary>
public class PythonRealShapedTreeTests
{
    internal static async Task<IReadOnlyList<Finding>> Audit(TempWorkspace ws) =>
        (await ws.RunAsync(new ImportsAgent(), "imports")).Findings.Where(f => f.RuleId != ImportFindings.PythonUnused).ToList();

    private static List<Finding> High(IReadOnlyList<Finding> findings) => findings.Where(f => f.Severity >= Severity.High).ToList();

    private static void OnlyAuthFails(IReadOnlyList<Finding> findings)
    {
        var high = Assert.Single(High(findings));
        Assert.Equal(ImportFindings.PythonUnresolved, high.RuleId);
        Assert.Contains("will fail at runtime with ModuleNotFoundError: No module named 'auth'", high.Message);
    }

    [Fact]
    public async Task Uv_workspace_members_resolve_for_the_root_and_are_provided_for_members_that_do_not_declare_them()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"ws\"\ndependencies = []\n[tool.uv.workspace]\nmembers = [\"lib/*\"]\n")
            .Write("lib/core/pyproject.toml", "[project]\nname = \"acme-core\"\ndependencies = []\n")
            .Write("lib/core/src/acme_core/__init__.py")
            .Write("lib/core/src/acme_core/models.py")
            .Write("lib/cli/pyproject.toml", "[project]\nname = \"acme-cli\"\ndependencies = [\"acme-core\"]\n")
            .Write("lib/cli/src/acme_cli/__init__.py", "from acme_core.models import x\n")
            .Write("lib/tools/pyproject.toml", "[project]\nname = \"acme-tools\"\ndependencies = []\n")
            .Write("lib/tools/src/acme_tools/__init__.py", "import acme_core\nfrom auth import login\n")
            .Write("scripts/release.py", "import acme_core.models\n");
        var findings = await Audit(ws);
        OnlyAuthFails(findings);
        var provided = Assert.Single(findings, f => f.RuleId == ImportFindings.PythonProvided);
        Assert.Equal(Severity.Low, provided.Severity);
        Assert.Equal("lib/tools/src/acme_tools/__init__.py", provided.Location!.Path);
        Assert.Contains("uv workspace member 'acme-core'", provided.Message);
    }

    [Fact]
    public async Task Poetry_path_dependency_resolves_and_a_missing_submodule_of_it_still_fails()
    {
        using var ws = new TempWorkspace()
            .Write("app/pyproject.toml", "[tool.poetry]\nname = \"app\"\n[tool.poetry.dependencies]\npython = \"^3.11\"\nshared = { path = \"../shared\", develop = true }\n")
            .Write("app/app/__init__.py")
            .Write("app/app/main.py", "from shared_utils.text import slug\nfrom shared_utils.missing import nope\n")
            .Write("shared/pyproject.toml", "[tool.poetry]\nname = \"shared-utils-dist\"\n")
            .Write("shared/shared_utils/__init__.py")
            .Write("shared/shared_utils/text.py");
        var findings = await Audit(ws);
        var high = Assert.Single(High(findings));
        Assert.Contains("'shared_utils.missing'", high.Message);
    }

    [Fact]
    public async Task Namespace_package_under_src_is_not_shadowed_by_a_same_named_module_inside_it()
    {
        // poetry's layout: src/poetry has no __init__.py (shared with poetry-core) and holds poetry.py.
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"poetry\"\ndependencies = [\"poetry-core @ git+https://example.invalid/poetry-core.git\", \"installer (>=0.7.0,<2.0.0)\"]\n")
            .Write("src/poetry/poetry.py")
            .Write("src/poetry/factory.py", "from poetry.core.factory import Factory\n")
            .Write("src/poetry/installation/__init__.py")
            .Write("src/poetry/installation/installer.py")
            .Write("src/poetry/installation/wheel_installer.py", "from installer import install\nfrom auth import login\n");
        OnlyAuthFails(await Audit(ws));
    }

    [Fact]
    public async Task Fallback_of_a_resolving_import_flags_and_sys_modules_aliases_are_not_failures()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"req\"\ndependencies = [\"urllib3\"]\n")
            .Write("src/req/__init__.py")
            .Write("src/req/compat.py",
                "try:\n    from http.server import HTTPServer\nexcept ImportError:\n    from BaseHTTPServer import HTTPServer\n" +
                "has_simplejson = False\ntry:\n    import simplejson as json\n    has_simplejson = True\nexcept ImportError:\n    import json\n" +
                "if has_simplejson:\n    from simplejson import JSONDecodeError\nelse:\n    from json import JSONDecodeError\n" +
                "try:\n    import nothere_a\nexcept ImportError:\n    import nothere_b\n")
            .Write("src/req/packages.py", "import sys\nimport urllib3\nsys.modules['req.packages.urllib3'] = urllib3\n")
            .Write("tests/test_compat.py", "from req.packages.urllib3.poolmanager import PoolManager\nfrom auth import login\n");
        var findings = await Audit(ws);
        var high = High(findings);
        Assert.Equal(2, high.Count);
        Assert.Contains(high, f => f.Message.Contains("No module named 'auth'"));
        Assert.Contains(high, f => f.Message.Contains("'nothere_b'")); // both the import and its fallback are missing: a crash
        Assert.Contains(findings, f => f.RuleId == ImportFindings.PythonGuarded && f.Properties["module"] == "BaseHTTPServer");
        Assert.Contains(findings, f => f.RuleId == ImportFindings.PythonGuarded && f.Properties["module"] == "simplejson" && f.Location!.Line == 12);
        Assert.Contains(findings, f => f.RuleId == ImportFindings.PythonUnverified && f.Properties["module"] == "req.packages.urllib3.poolmanager");
    }

    [Fact]
    public async Task Pytest_importorskip_and_find_spec_probes_guard_the_imports_they_check()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"api\"\ndependencies = []\n[dependency-groups]\ndev = [\"pytest\"]\n")
            .Write("tests/utils.py", "from importlib.util import find_spec\nimport pytest\nneeds_orjson = pytest.mark.skipif(find_spec('orjson') is None, reason='x')\n")
            .Write("tests/test_orjson.py", "def render():\n    import orjson\n    return orjson\n")
            .Write("tests/test_numpy.py", "import pytest\nnp = pytest.importorskip('numpy')\nfrom numpy.linalg import norm\nfrom auth import login\n");
        var findings = await Audit(ws);
        OnlyAuthFails(findings);
        Assert.Equal(2, findings.Count(f => f.RuleId == ImportFindings.PythonGuarded));
    }

    [Fact]
    public async Task Test_time_sys_path_pythonpath_and_conftest_folders_are_search_roots()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"flaskish\"\ndependencies = []\n[tool.pytest.ini_options]\npythonpath = [\"tests/helpers\"]\n")
            .Write("src/flaskish/__init__.py")
            .Write("tests/conftest.py", "import os\ndef test_apps(monkeypatch):\n    monkeypatch.syspath_prepend(os.path.join(os.path.dirname(__file__), 'test_apps'))\n")
            .Write("tests/test_apps/blueprintapp/__init__.py")
            .Write("tests/helpers/factories.py")
            .Write("tests/shared_fixtures.py")
            .Write("tests/unit/test_blueprints.py", "from blueprintapp import app\nimport factories\nimport shared_fixtures\nfrom auth import login\n")
            .Write("scripts/scrub.py", "import sys\nfrom pathlib import Path\nsys.path.insert(0, str(Path(__file__).parent.parent / 'tests'))\nimport shared_fixtures\n");
        OnlyAuthFails(await Audit(ws));
    }

    [Fact]
    public async Task Modules_a_test_writes_itself_and_broken_fixtures_are_unverified_not_failures()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"x\"\ndependencies = []\n")
            .Write("tests/test_instance.py",
                "def test_module(tmp_path):\n    (tmp_path / 'config_module_app.py').write_text('app = 1')\n    from config_module_app import app\n" +
                "def test_auth():\n    from auth import login\n")
            .Write("tests/fixtures/extended_with_no_setup/build.py", "from setuptools_magic import x\n");
        var findings = await Audit(ws);
        OnlyAuthFails(findings);
        Assert.Equal(["fixture", "generated"], findings.Where(f => f.RuleId == ImportFindings.PythonUnverified).Select(f => f.Properties["reason"]).Order().ToList());
    }

    [Fact]
    public async Task Example_dependencies_are_medium_and_low_when_the_example_says_to_install_them()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"fw\"\ndependencies = []\n")
            .Write("docs_src/graphql/tutorial001.py", "import redis\n")
            .Write("examples/cache.py", "# pip install redis first\nimport redis\n")
            .Write("examples/__init__.py")
            .Write("examples/chat.py", "from .helper_gone import x\n")
            .Write("src/fw/__init__.py", "from auth import login\n");
        var findings = await Audit(ws);
        Assert.Equal(2, High(findings).Count); // auth, and the example's broken relative import
        var needs = findings.Where(f => f.RuleId == ImportFindings.PythonExampleNeeds).OrderBy(f => f.Location!.Path).ToList();
        Assert.Equal([("docs_src/graphql/tutorial001.py", Severity.Medium), ("examples/cache.py", Severity.Low)],
            needs.Select(f => (f.Location!.Path, f.Severity)).ToList());
    }

    [Fact]
    public async Task Scaffold_templates_are_not_verified()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"cli\"\ndependencies = []\n")
            .Write("src/cli/templates/crew/pyproject.toml", "[project]\nname = \"{{name}}\"\ndependencies = []\n")
            .Write("src/cli/templates/crew/main.py", "from {{folder}}.crew import Crew\nimport unknown_template_dep\n")
            .Write("{{cookiecutter.slug}}/app.py", "import whatever\n");
        var result = await ws.RunAsync(new ImportsAgent(), "imports");
        Assert.DoesNotContain(result.Findings, f => f.Severity >= Severity.Low && f.RuleId != ImportFindings.PythonUnused);
        Assert.Equal(2, result.Metrics["template_files_not_verified"]);
    }

    [Theory]
    [InlineData("a2a-sdk", "from a2a.types import Task")]
    [InlineData("opentelemetry-api", "from opentelemetry.trace import Span")]
    [InlineData("cel-python", "from celpy.evaluation import CELEvalError")]
    [InlineData("spider-client", "from spider import Spider")]
    [InlineData("strawberry-graphql", "import strawberry.fastapi")]
    public async Task Import_names_unknown_to_the_table_but_close_to_a_declared_name_are_unverified_not_failures(string distribution, string import)
    {
        using var ws = new TempWorkspace().Write("requirements.txt", distribution + "\n").Write("main.py", import + "\nfrom auth import login\n");
        var findings = await Audit(ws);
        OnlyAuthFails(findings);
        var unverified = findings.Where(f => f.RuleId != ImportFindings.PythonUnresolved).ToList();
        Assert.All(unverified, f => Assert.Equal(Severity.Info, f.Severity));
    }

    [Theory]
    [InlineData("vcrpy", "import vcr")]
    [InlineData("python-dateutil", "import dateutil")]
    [InlineData("scikit-learn", "import sklearn")]
    public async Task The_generated_table_maps_import_names_to_distributions(string distribution, string import)
    {
        using var ws = new TempWorkspace().Write("requirements.txt", distribution + "\n").Write("main.py", import + "\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Dynamic_dependencies_from_a_hatch_hook_are_read_and_unknown_dynamic_ones_make_undeclared_unverified()
    {
        using var ws = new TempWorkspace()
            .Write("slim/pyproject.toml", "[project]\nname = \"slim\"\ndynamic = [\"dependencies\"]\n[tool.hatch.metadata.hooks.uv-dynamic-versioning]\ndependencies = [\"httpx\"]\n")
            .Write("slim/main.py", "import httpx\n")
            .Write("other/pyproject.toml", "[project]\nname = \"other\"\ndynamic = [\"dependencies\"]\n")
            .Write("other/main.py", "import httpx\n");
        var findings = await Audit(ws);
        var undeclared = Assert.Single(findings, f => f.RuleId == ImportFindings.PythonUndeclared);
        Assert.Equal(("other/main.py", Severity.Medium), (undeclared.Location!.Path, undeclared.Severity));
    }

    [Fact]
    public async Task Lockfile_makes_transitive_imports_provided_and_what_it_lacks_still_fails()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = [\"fastapi\"]\n")
            .Write("uv.lock", "version = 1\n\n[[package]]\nname = \"app\"\nversion = \"1\"\nsource = { editable = \".\" }\ndependencies = [{ name = \"fastapi\" }]\n\n" +
                "[[package]]\nname = \"fastapi\"\nversion = \"0.115.0\"\nsource = { registry = \"https://pypi.org/simple\" }\ndependencies = [{ name = \"pydantic\" }, { name = \"typing-extensions\" }]\n\n" +
                "[[package]]\nname = \"pydantic\"\nversion = \"2.9.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n" +
                "[[package]]\nname = \"typing-extensions\"\nversion = \"4.12.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n")
            .Write("app/main.py", "import fastapi\nfrom pydantic import BaseModel\nfrom typing_extensions import Self\nimport redis\nfrom auth import login\n");
        var findings = await Audit(ws);
        Assert.Equal(2, findings.Count(f => f.RuleId == ImportFindings.PythonProvided && f.Severity == Severity.Low && f.Message.Contains("uv.lock")));
        var high = High(findings).OrderBy(f => f.Location!.Line).ToList();
        Assert.Equal(["redis", "auth"], high.Select(f => f.Properties["module"]).ToList());
        Assert.Contains("uv.lock does not resolve it either", high[0].Message);
    }

    [Fact]
    public async Task Type_checker_suppressions_for_missing_modules_mark_the_whole_module_optional()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "").Write("adapter.py",
            "def from_tool(tool):\n    from llama_index.core.tools import (  # type: ignore[import-not-found]\n        Base,\n    )\n" +
            "    from llama_index.core.query_engine import Engine\n    import trio.lowlevel  # pyright: ignore[reportMissingImports]\n    from auth import login\n");
        var findings = await Audit(ws);
        OnlyAuthFails(findings);
        Assert.Equal(3, findings.Count(f => f.RuleId == ImportFindings.PythonGuarded));
    }

    [Fact]
    public async Task An_example_in_a_package_resolves_as_a_script_or_as_a_module()
    {
        using var ws = new TempWorkspace()
            .Write("pyproject.toml", "[project]\nname = \"openai-agents\"\ndependencies = []\n")
            .Write("src/agents/__init__.py").Write("src/agents/realtime/__init__.py")
            .Write("examples/__init__.py").Write("examples/sip/__init__.py").Write("examples/sip/requirements.txt", "openai-agents\n")
            .Write("examples/sip/agents.py", "from agents.realtime import Runner\n")
            .Write("tools/multion/__init__.py").Write("tools/multion/multion_tool.py")
            .Write("tools/multion/example.py", "from multion_tool import MultiOnTool\nfrom multion_tool.missing import x\n");
        var findings = await Audit(ws);
        Assert.Empty(High(findings));
        // Broken as a script, unknown as a module: an example's unsettled import, not a certain crash.
        Assert.Equal(Severity.Medium, Assert.Single(findings).Severity);
    }

    [Theory]
    [InlineData("django-money", "from djmoney.models.fields import MoneyField")]
    [InlineData("django-registration-redux", "from registration.forms import RegistrationForm")]
    public async Task Django_naming_conventions_are_plausible_providers(string distribution, string import)
    {
        using var ws = new TempWorkspace().Write("requirements/prod.txt", distribution + "==1.0\n").Write("requirements.txt", "-r requirements/prod.txt\n")
            .Write("app/models.py", import + "\nfrom auth import login\n");
        OnlyAuthFails(await Audit(ws));
    }

    [Fact]
    public async Task A_package_that_exists_elsewhere_in_the_tree_is_unverified_not_missing()
    {
        using var ws = new TempWorkspace()
            .Write("apps/agent/pyproject.toml", "[project]\nname = \"agent\"\ndependencies = []\n")
            .Write("apps/agent/src/agent/__init__.py")
            .Write("apps/agent/src/agent/graph.py", "from common.helpers import x\nfrom auth import login\n")
            .Write("libs/common/__init__.py").Write("libs/common/helpers.py")
            .Write("apps/agent/src/agent/a2a/__init__.py").Write("apps/agent/src/agent/a2a/auth/__init__.py"); // a subpackage named auth excuses nothing
        var findings = await Audit(ws);
        OnlyAuthFails(findings);
        Assert.Contains("exists at libs/common", Assert.Single(findings, f => f.RuleId == ImportFindings.PythonUnverified).Message);
    }

    [Fact]
    public async Task A_declared_extension_named_like_a_missing_local_module_does_not_excuse_it()
    {
        // crewAI declares httpx-auth; a planted `from auth import ...` must still fail.
        using var ws = new TempWorkspace().Write("requirements.txt", "httpx-auth\nopenai-whisper\n").Write("main.py", "import whisper\nfrom auth import login\n");
        var findings = await Audit(ws);
        OnlyAuthFails(findings);
        Assert.Equal(Severity.Info, Assert.Single(findings, f => f.Properties["module"] == "whisper").Severity);
    }
}
