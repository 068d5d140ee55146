using Muster.Agents.Imports;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

public class JsImportResolutionTests
{
    private static async Task<IReadOnlyList<Finding>> Audit(TempWorkspace ws) =>
        (await ws.RunAsync(new ImportsAgent(), "imports", new Dictionary<string, object?> { ["languages"] = "javascript" })).Findings;

    private static string Package(string name, string deps = "{}", string dev = "{}", string extra = "") =>
        $$"""{ "name": "{{name}}", "dependencies": {{deps}}, "devDependencies": {{dev}} {{extra}} }""";

    [Fact]
    public async Task Node_builtins_resolve_with_and_without_scheme()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app"))
            .Write("index.js", "require('fs'); require('node:fs/promises'); import 'node:test'; import path from 'path/posix';\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Unknown_node_scheme_module_is_high()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app")).Write("index.js", "import x from 'node:nothing';\n");
        Assert.Equal(Severity.High, Assert.Single(await Audit(ws)).Severity);
    }

    [Fact]
    public async Task Declared_packages_of_every_kind_resolve_including_scoped_and_deep_imports()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", """{ "dependencies": { "lodash": "^4" , "@scope/pkg": "1" }, "devDependencies": { "vitest": "1" }, "peerDependencies": { "react": "18" }, "optionalDependencies": { "fsevents": "2" } }""")
            .Write("src/a.ts", "import fp from 'lodash/fp';\nimport x from '@scope/pkg/sub/deep';\nimport { test } from 'vitest';\nimport React from 'react';\nrequire('fsevents');\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Undeclared_package_is_high_at_its_location()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app", """{ "react": "18" }""")).Write("src/a.js", "import React from 'react';\nimport axios from 'axios';\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Equal(ImportFindings.JsUndeclared, finding.RuleId);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new SourceLocation("src/a.js", 2, 19), finding.Location);
        Assert.Contains("Cannot find module 'axios'", finding.Message);
    }

    [Fact]
    public async Task Relative_paths_resolve_to_real_files_with_extensions_and_index()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app"))
            .Write("src/a.ts", "import b from './b';\nimport c from './c.js';\nimport d from './dir';\nimport e from '../data.json';\nimport f from './pkgdir';\nimport g from './g.mjs';\nimport './style.css';\n")
            .Write("src/b.tsx").Write("src/c.ts").Write("src/dir/index.ts").Write("data.json", "{}")
            .Write("src/pkgdir/package.json", """{ "main": "lib/entry" }""").Write("src/pkgdir/lib/entry.js").Write("src/g.mts").Write("src/style.css");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Missing_relative_file_is_high()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app")).Write("src/a.js", "import b from './missing';\nrequire('../../outside');\n");
        var findings = await Audit(ws);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(ImportFindings.JsUnresolved, f.RuleId));
    }

    [Fact]
    public async Task Npm_workspace_package_names_resolve()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", """{ "name": "root", "private": true, "workspaces": ["packages/*"] }""")
            .Write("packages/ui/package.json", Package("@acme/ui"))
            .Write("packages/web/package.json", Package("web"))
            .Write("packages/web/src/app.ts", "import { Button } from '@acme/ui';\nimport self from 'web/utils';\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Pnpm_workspace_yaml_packages_resolve_and_excluded_ones_do_not()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", Package("root"))
            .Write("pnpm-workspace.yaml", "packages:\n  - 'libs/**'\n  - '!libs/private/**'\n")
            .Write("libs/core/package.json", Package("@acme/core"))
            .Write("libs/private/secret/package.json", Package("@acme/secret"))
            .Write("app/main.ts", "import '@acme/core';\nimport '@acme/secret';\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Contains("@acme/secret", finding.Message);
    }

    [Fact]
    public async Task Hoisted_root_dev_dependencies_cover_nested_packages()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("root", dev: """{ "vitest": "1" }"""))
            .Write("apps/web/package.json", Package("web")).Write("apps/web/src/a.test.ts", "import { it } from 'vitest';\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Tsconfig_paths_with_base_url_and_extends_resolve()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", Package("app"))
            .Write("tsconfig.base.json", """
                {
                  // comments and trailing commas are allowed
                  "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"], "config": ["src/config/index.ts"], }, },
                }
                """)
            .Write("tsconfig.json", """{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }""")
            .Write("src/util/strings.ts").Write("src/config/index.ts").Write("src/lib/x.ts")
            .Write("src/main.ts", "import s from '@app/util/strings';\nimport c from 'config';\nimport x from 'src/lib/x';\nimport bad from '@app/missing';\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Contains("'@app/missing'", finding.Message);
        Assert.Equal(ImportFindings.JsUnresolved, finding.RuleId);
    }

    [Fact]
    public async Task Alias_without_any_config_is_medium_unverified()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app")).Write("src/a.ts", "import x from '@/components/X';\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Equal((ImportFindings.JsUnverifiedAlias, Severity.Medium), (finding.RuleId, finding.Severity));
    }

    [Fact]
    public async Task Package_imports_field_resolves_hash_specifiers()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app", extra: """, "imports": { "#internal/*": "./src/internal/*.js" }"""))
            .Write("src/a.js", "import x from '#internal/thing';\nimport y from '#other';\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Contains("'#other'", finding.Message);
    }

    [Fact]
    public async Task Type_only_import_of_undeclared_package_is_medium_and_types_package_satisfies_it()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app", dev: """{ "@types/express": "4" }"""))
            .Write("src/a.ts", "import type { Request } from 'express';\nimport type { Foo } from 'foo';\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Equal((ImportFindings.JsTypeOnly, Severity.Medium), (finding.RuleId, finding.Severity));
        Assert.Contains("'foo'", finding.Message);
    }

    [Fact]
    public async Task Build_output_folders_are_not_verified()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app")).Write("dist/bundle.js", "require('./chunk-missing');\n");
        Assert.Empty(await Audit(ws));
    }

    [Fact]
    public async Task Installed_but_undeclared_package_is_medium()
    {
        using var ws = new TempWorkspace().Write("package.json", Package("app")).Folder("node_modules/leftpad").Write("a.js", "require('leftpad');\n");
        var finding = Assert.Single(await Audit(ws));
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("node_modules", finding.Message);
    }
}
