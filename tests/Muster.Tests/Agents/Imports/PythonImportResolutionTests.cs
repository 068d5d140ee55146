using Muster.Agents.Imports;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

public class PythonImportResolutionTests
{
    private static async Task<IReadOnlyList<Finding>> Audit(TempWorkspace ws) =>
        (await ws.RunAsync(new ImportsAgent(), "imports")).Findings;

    private static Finding Only(IReadOnlyList<Finding> findings, string rule) => Assert.Single(findings, f => f.RuleId == rule);

    [Fact]
    public async Task Module_that_exists_nowhere_is_high_with_the_runtime_error()
    {
        using var ws = new TempWorkspace().Write("svc/requirements.txt", "fastapi\n").Write("svc/main.py", "import fastapi\n\nfrom auth import get_current_user\n");
        var finding = Only(await Audit(ws), ImportFindings.PythonUnresolved);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("ModuleNotFoundError: No module named 'auth'", finding.Message);
        Assert.Equal(new SourceLocation("svc/main.py", 3, 6), finding.Location);
    }

    [Fact]
    public async Task Local_module_next_to_the_file_resolves()
    {
        using var ws = new TempWorkspace().Write("app/main.py", "from auth import x\nimport helpers.db\n").Write("app/auth.py").Write("app/helpers/__init__.py").Write("app/helpers/db.py");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Src_layout_resolves_from_the_project_root()
    {
        using var ws = new TempWorkspace().Write("proj/pyproject.toml", "[project]\nname='x'\ndependencies=[]\n")
            .Write("proj/src/mypkg/__init__.py").Write("proj/src/mypkg/core.py").Write("proj/tests/test_core.py", "from mypkg.core import run\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Namespace_package_without_init_resolves()
    {
        using var ws = new TempWorkspace().Write("p/setup.cfg", "[metadata]\nname = p\n").Write("p/ns/part/mod.py").Write("p/main.py", "import ns.part.mod\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Missing_submodule_of_a_local_package_is_high()
    {
        using var ws = new TempWorkspace().Write("p/requirements.txt", "").Write("p/app/__init__.py").Write("p/main.py", "from app.auth import login\n");
        var finding = Only(await Audit(ws), ImportFindings.PythonUnresolved);
        Assert.Contains("No module named 'app.auth'", finding.Message);
    }

    [Fact]
    public async Task Relative_imports_resolve_against_the_package_tree()
    {
        using var ws = new TempWorkspace()
            .Write("pkg/__init__.py").Write("pkg/models.py").Write("pkg/sub/__init__.py")
            .Write("pkg/sub/views.py", "from . import helpers\nfrom ..models import User\nfrom .. import models\n")
            .Write("pkg/sub/helpers.py");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Broken_relative_import_is_high()
    {
        using var ws = new TempWorkspace().Write("pkg/sub/views.py", "from ..missing import x\nfrom . import nothere\n");
        var findings = (await Audit(ws)).Where(f => f.RuleId == ImportFindings.PythonUnresolved).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("'..missing'"));
        Assert.Contains(findings, f => f.Message.Contains("'.nothere'"));
    }

    [Fact]
    public async Task Standard_library_resolves_including_removed_and_platform_modules()
    {
        using var ws = new TempWorkspace().Write("a.py", "import os, sys, json, asyncio.tasks, tomllib, zoneinfo, distutils, imp, winreg, xml.etree.ElementTree\n");
        Assert.Empty(await Audit(ws));
    }

    [Theory]
    [InlineData("PyYAML", "import yaml")]
    [InlineData("Pillow", "from PIL import Image")]
    [InlineData("opencv-python-headless", "import cv2")]
    [InlineData("scikit-learn", "from sklearn.linear_model import X")]
    [InlineData("PyJWT", "import jwt")]
    [InlineData("python-dotenv", "from dotenv import load_dotenv")]
    [InlineData("beautifulsoup4", "from bs4 import BeautifulSoup")]
    [InlineData("python-jose[cryptography]", "from jose import jwt")]
    [InlineData("python-dateutil", "import dateutil.parser")]
    [InlineData("protobuf", "from google.protobuf import message")]
    [InlineData("attrs", "import attr")]
    [InlineData("pyOpenSSL", "from OpenSSL import SSL")]
    [InlineData("pycryptodome", "from Crypto.Cipher import AES")]
    [InlineData("google-cloud-storage", "from google.cloud import storage")]
    [InlineData("Flask_SQLAlchemy", "import flask_sqlalchemy")]
    public async Task Declared_distribution_provides_its_import_name(string distribution, string import)
    {
        using var ws = new TempWorkspace().Write("requirements.txt", distribution + ">=1.0 ; python_version >= '3.8'\n").Write("main.py", import + "\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Undeclared_known_distribution_is_high_and_names_what_to_add()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "fastapi\n").Write("main.py", "import fastapi\nimport redis\nimport yaml\n");
        var findings = (await Audit(ws)).Where(f => f.RuleId == ImportFindings.PythonUndeclared).ToList();
        Assert.Equal(["redis", "PyYAML"], findings.Select(f => f.Properties["distribution"]).ToList());
        Assert.All(findings, f => Assert.Equal(Severity.High, f.Severity));
        Assert.Contains("ModuleNotFoundError: No module named 'redis'", findings[0].Message);
    }

    [Fact]
    public async Task Undeclared_import_without_any_manifest_is_medium_unverified()
    {
        using var ws = new TempWorkspace().Write("script.py", "import requests\n");
        var finding = Only(await Audit(ws), ImportFindings.PythonUndeclared);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("no dependency manifest", finding.Message);
    }

    [Fact]
    public async Task Unreadable_manifest_makes_undeclared_unverified_and_is_reported()
    {
        using var ws = new TempWorkspace().Write("pyproject.toml", "[project\nname=").Write("main.py", "import requests\n");
        var findings = await Audit(ws);
        Assert.Equal(Severity.Medium, Only(findings, ImportFindings.PythonUndeclared).Severity);
        Assert.Equal(Severity.Info, Only(findings, ImportFindings.ManifestUnreadable).Severity);
    }

    [Fact]
    public async Task Guarded_imports_are_info_at_most()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "").Write("main.py",
            "try:\n    import ujson as json\nexcept ImportError:\n    import json\n" +
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from nowhere import T\n" +
            "import sys\nif sys.version_info < (3, 11):\n    import tomli\n");
        var findings = await Audit(ws);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.All(findings, f => Assert.Equal(ImportFindings.PythonGuarded, f.RuleId));
    }

    [Fact]
    public async Task Declared_but_never_imported_is_low_except_command_line_tools()
    {
        using var ws = new TempWorkspace()
            .Write("requirements.txt", "fastapi\nuvicorn[standard]\nrequests==2.0\npytest-cov\nblack\n-r requirements-dev.txt\n")
            .Write("requirements-dev.txt", "gunicorn\nfreezegun\n")
            .Write("main.py", "import fastapi\n");
        var unused = (await Audit(ws)).Where(f => f.RuleId == ImportFindings.PythonUnused).ToList();
        Assert.Equal(["freezegun", "requests"], unused.Select(f => f.Title.Split('\'')[1]).ToList());
        Assert.All(unused, f => Assert.Equal(Severity.Low, f.Severity));
        Assert.Equal(new SourceLocation("requirements-dev.txt", 2), unused[0].Location);
        Assert.Equal(new SourceLocation("requirements.txt", 3), unused[1].Location);
    }

    [Fact]
    public async Task Venv_metadata_maps_declared_distribution_to_its_import_name()
    {
        using var ws = new TempWorkspace()
            .Write("requirements.txt", "odd-dist\n")
            .Write(".venv/lib/python3.12/site-packages/odd_dist-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: odd-dist\n\n")
            .Write(".venv/lib/python3.12/site-packages/odd_dist-1.0.dist-info/top_level.txt", "oddmodule\n")
            .Write("main.py", "import oddmodule\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Venv_record_is_used_when_top_level_is_absent()
    {
        using var ws = new TempWorkspace()
            .Write("requirements.txt", "recorded\n")
            .Write("venv/lib/python3.11/site-packages/recorded-2.0.dist-info/RECORD", "recmod/__init__.py,sha256=x,1\nrecorded-2.0.dist-info/METADATA,,\n")
            .Write("main.py", "import recmod\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Installed_but_undeclared_is_medium()
    {
        using var ws = new TempWorkspace()
            .Write("requirements.txt", "")
            .Write(".venv/lib/python3.12/site-packages/sneaky-1.0.dist-info/top_level.txt", "sneaky\n")
            .Write("main.py", "import sneaky\n");
        var finding = Only(await Audit(ws), ImportFindings.PythonInstalledOnly);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("sneaky", finding.Message);
    }

    [Fact]
    public async Task Pyproject_poetry_pipfile_and_setup_cfg_declarations_count()
    {
        using var ws = new TempWorkspace()
            .Write("a/pyproject.toml", "[project]\nname = 'a'\ndependencies = ['httpx>=0.27']\n[project.optional-dependencies]\nyaml = ['PyYAML']\n[dependency-groups]\ndev = ['rich']\n")
            .Write("a/main.py", "import httpx, yaml, rich\n")
            .Write("b/pyproject.toml", "[tool.poetry.dependencies]\npython = '^3.11'\nrequests = '^2'\n[tool.poetry.group.dev.dependencies]\nclick = '*'\n")
            .Write("b/main.py", "import requests, click\n")
            .Write("c/Pipfile", "[packages]\nflask = '*'\n[dev-packages]\npytz = '*'\n")
            .Write("c/main.py", "import flask, pytz\n")
            .Write("d/setup.cfg", "[options]\ninstall_requires =\n    numpy>=1.0\n    pandas\n[options.extras_require]\nplot = matplotlib\n")
            .Write("d/main.py", "import numpy, pandas, matplotlib.pyplot\n")
            .Write("e/setup.py", "from setuptools import setup\nsetup(name='e', install_requires=['scipy>=1', \"tqdm\"])\n")
            .Write("e/main.py", "import scipy, tqdm\n");
        var all = await Audit(ws);
        Assert.True(all.Count == 0, string.Join("\n", all.Select(f => f.Location + " " + f.Message)));
    }

    [Fact]
    public async Task Monorepo_root_requirements_cover_nested_projects()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "redis\n").Write("svc/pyproject.toml", "[project]\nname='s'\ndependencies=[]\n").Write("svc/main.py", "import redis\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Local_namespace_folder_does_not_shadow_a_declared_distribution()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "redis\n").Write("redis/dump.rdb").Write("main.py", "import redis.client\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Bare_namespace_folder_imports_but_its_missing_submodule_does_not()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "").Write("assets/logo.txt").Write("main.py", "import assets\nimport assets.loader\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Contains("No module named 'assets.loader'", finding.Message);
    }

    [Fact]
    public async Task Package_modules_find_siblings_of_their_top_level_package_without_a_manifest()
    {
        using var ws = new TempWorkspace().Write("app/__init__.py").Write("app/routes/__init__.py").Write("app/routes/users.py", "from app.models import User\nimport shared\n")
            .Write("app/models.py").Write("shared.py");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Code_inside_a_virtualenv_of_any_name_is_not_audited()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "").Write("main.py", "import os\n")
            .Write("myenv/pyvenv.cfg", "home = /usr/bin\n").Write("myenv/lib/python3.12/site-packages/thing/__init__.py", "import nowhere\n")
            .Write("vendor/site-packages/other.py", "import elsewhere\n");
        var result = await ws.RunAsync(new ImportsAgent(), "imports");
        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Metrics["python_files"]);
    }

    [Fact]
    public async Task Virtualenv_at_a_monorepo_root_serves_nested_projects()
    {
        using var ws = new TempWorkspace()
            .Write(".venv/lib/python3.12/site-packages/odd_dist-1.0.dist-info/top_level.txt", "oddmodule\n")
            .Write(".venv/lib/python3.12/site-packages/odd_dist-1.0.dist-info/METADATA", "Name: odd-dist\n\n")
            .Write("services/api/requirements.txt", "odd-dist\n")
            .Write("services/api/main.py", "import oddmodule\n");
        Assert.Empty(await Audit(ws));
    }
}
