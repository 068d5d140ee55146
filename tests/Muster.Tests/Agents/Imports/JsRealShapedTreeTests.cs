using Muster.Agents.Imports;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

/// <summary>
/// JS/TS false-positive classes found on real monorepos (vite, the AI SDK, langchainjs, express), each on a small
/// vite-like tree, with a truly missing package and file beside them that must stay HIGH.
/// </summary>
public class JsRealShapedTreeTests
{
    private static async Task<IReadOnlyList<Finding>> Audit(TempWorkspace ws) =>
        (await ws.RunAsync(new ImportsAgent(), "imports", new Dictionary<string, object?> { ["languages"] = "javascript" })).Findings;

    private static List<Finding> High(IReadOnlyList<Finding> findings) => findings.Where(f => f.Severity >= Severity.High).ToList();

    private static TempWorkspace Monorepo() => new TempWorkspace()
        .Write("package.json", """{ "name": "root", "private": true, "devDependencies": { "vite": "^6" } }""")
        .Write("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - playground/*\n")
        .Write(".gitignore", "node_modules\n.source/\n");

    [Fact]
    public async Task Build_output_virtual_modules_bundler_aliases_and_public_files_are_not_failures()
    {
        using var ws = Monorepo()
            .Write("packages/create-app/package.json", """{ "name": "create-app", "scripts": { "build": "tsc" }, "bin": "index.js" }""")
            .Write("packages/create-app/index.js", "import './dist/index.js';\nimport './src/gone.js';\n")
            .Write("playground/alias/package.json", """{ "name": "@pg/alias", "dependencies": {} }""")
            .Write("playground/alias/vite.config.ts",
                "import { defineConfig } from 'vite'\nconst VIRTUAL_ID = 'absolute-importer'\n" +
                "export default defineConfig({ resolve: { alias: [{ find: '#alias', replacement: '/x.css' }], alias2: 1 },\n" +
                "  plugins: [{ resolveId(id) { if (id === VIRTUAL_ID) return '\\0' + id } }] })\n")
            .Write("playground/alias/public/logo.svg", "<svg/>")
            .Write("playground/alias/src/main.ts",
                "import env from '@vite/env'\nimport x from 'absolute-importer'\nimport css from '#alias'\nimport logo from '/logo.svg'\n" +
                "import gen from '@/.source/server'\nimport nope from 'left-pad'\n")
            .Write("playground/alias/tsconfig.json", """{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }""");
        var findings = await Audit(ws);
        var high = High(findings);
        Assert.Equal(["./src/gone.js", "left-pad"], high.Select(f => f.Properties["specifier"]).Order().ToList());
        Assert.Contains(findings, f => f.RuleId == ImportFindings.JsAfterBuild && f.Properties["specifier"] == "./dist/index.js");
        Assert.Contains(findings, f => f.RuleId == ImportFindings.JsAfterBuild && f.Properties["specifier"] == "@/.source/server");
        Assert.Equal(3, findings.Count(f => f.RuleId == ImportFindings.JsUnverifiedAlias && f.Severity == Severity.Info));
    }

    [Fact]
    public async Task Type_position_imports_and_declaration_siblings_are_types_only()
    {
        using var ws = Monorepo()
            .Write("packages/core/package.json", """{ "name": "core", "dependencies": {} }""")
            .Write("packages/core/types/hot.d.ts", "export interface Hot {}\n")
            .Write("packages/core/types/importMeta.d.ts", "import type { Hot } from './hot.js'\nimport { Glob } from './glob.js'\n")
            .Write("packages/core/src/pnp.ts", "let pnp: typeof import('pnpapi') | undefined\ntype R = import('resolver-x').Options\nconst m = await import('really-missing')\n");
        var findings = await Audit(ws);
        Assert.Equal(["really-missing"], High(findings).Select(f => f.Properties["specifier"]).ToList());
        Assert.All(findings.Where(f => f.Properties["specifier"] is "pnpapi" or "resolver-x" or "./glob.js"), f => Assert.Equal(Severity.Medium, f.Severity));
    }

    [Fact]
    public async Task Browser_field_project_references_and_node_modules_path_targets_resolve()
    {
        using var ws = Monorepo()
            .Write("playground/browser/package.json",
                """{ "name": "@pg/browser", "browser": { "./no-ext": "./out/esm.js", "jsdom": false }, "dependencies": { "react": "18" } }""")
            .Write("playground/browser/out/esm.js", "")
            .Write("playground/browser/relative.js", "import './no-ext'\nimport 'jsdom'\nimport './really-gone'\n")
            .Write("playground/browser/tsconfig.json", """{ "compilerOptions": { "paths": { "react": ["./node_modules/@types/react"] } } }""")
            .Write("playground/browser/app.tsx", "import { useState } from 'react'\n")
            .Write("playground/refs/package.json", """{ "name": "@pg/refs" }""")
            .Write("playground/refs/src/tsconfig.json", """{ "files": [], "references": [{ "path": "./tsconfig.a.json" }] }""")
            .Write("playground/refs/src/tsconfig.a.json", """{ "compilerOptions": { "paths": { "@imported": ["./a-imported.ts"] } } }""")
            .Write("playground/refs/src/a-imported.ts", "export const value = 1\n")
            .Write("playground/refs/src/a.ts", "export { value } from '@imported'\n");
        var high = High(await Audit(ws));
        Assert.Equal(["./really-gone"], high.Select(f => f.Properties["specifier"]).ToList());
    }

    [Fact]
    public async Task Hoisted_lockfile_makes_an_undeclared_package_provided_but_pnpm_strictness_keeps_it_failing()
    {
        using var npm = new TempWorkspace()
            .Write("package.json", """{ "name": "app", "dependencies": { "antd": "^5" } }""")
            .Write("package-lock.json", """{ "name": "app", "lockfileVersion": 3, "packages": { "": { "name": "app", "dependencies": { "antd": "^5" } }, "node_modules/antd": { "version": "5.22.1", "dependencies": { "@ant-design/icons": "^5" } }, "node_modules/@ant-design/icons": { "version": "5.5.1" } } }""")
            .Write("src/login.tsx", "import { UserOutlined } from '@ant-design/icons'\nimport gone from 'never-installed'\n");
        var findings = await Audit(npm);
        Assert.Equal(["never-installed"], High(findings).Select(f => f.Properties["specifier"]).ToList());
        Assert.Equal(Severity.Low, Assert.Single(findings, f => f.RuleId == ImportFindings.JsProvided).Severity);

        using var pnpm = new TempWorkspace()
            .Write("package.json", """{ "name": "app", "dependencies": { "antd": "^5" } }""")
            .Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      antd:\n        specifier: ^5\n        version: 5.22.1\npackages:\n  antd@5.22.1:\n    resolution: {integrity: sha512-x}\n  '@ant-design/icons@5.5.1':\n    resolution: {integrity: sha512-y}\nsnapshots:\n  antd@5.22.1:\n    dependencies:\n      '@ant-design/icons': 5.5.1\n  '@ant-design/icons@5.5.1': {}\n")
            .Write("src/login.tsx", "import { UserOutlined } from '@ant-design/icons'\n");
        var strict = Assert.Single(High(await Audit(pnpm)));
        Assert.Contains("pnpm does not hoist it", strict.Message);
    }

    [Fact]
    public async Task Fixtures_are_unverified_and_examples_need_their_packages_installed()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", """{ "name": "express", "dependencies": {} }""")
            .Write("test/fixtures/modules/has-invalid-import.js", "import './non-existent.js'\n")
            .Write("src/__testfixtures__/rename.input.ts", "import x from 'other-pkg'\n")
            .Write("examples/online/index.js", "// install redis first:\n// $ npm install redis online\nvar online = require('online');\nvar redis = require('redis');\n")
            .Write("examples/search/index.js", "var redis = require('redis');\n")
            .Write("lib/app.js", "require('./gone')\n");
        var findings = await Audit(ws);
        Assert.Equal(["./gone"], High(findings).Select(f => f.Properties["specifier"]).ToList());
        Assert.Equal(2, findings.Count(f => f.RuleId == ImportFindings.JsUnverified));
        var needs = findings.Where(f => f.RuleId == ImportFindings.JsExampleNeeds).OrderBy(f => f.Location!.Path).ThenBy(f => f.Location!.Line).ToList();
        Assert.Equal([Severity.Low, Severity.Low, Severity.Medium], needs.Select(f => f.Severity).ToList());
    }
}
