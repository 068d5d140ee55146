using Muster.Agents.Imports.JavaScript;

namespace Muster.Tests.Agents.Imports;

public class JsImportExtractorTests
{
    private static List<string> Specifiers(string source) => JsImportExtractor.Extract(source).Select(i => i.Specifier).ToList();

    [Fact]
    public void All_import_forms_are_found()
    {
        var imports = JsImportExtractor.Extract("""
            import React, { useState } from 'react';
            import * as fp from "lodash/fp";
            import './styles.css';
            export { default as Button } from './Button';
            export * from '@scope/pkg/sub';
            const fs = require('node:fs');
            const lazy = await import('./lazy.js');
            import def from "default-only"
            """);
        Assert.Equal(["react", "lodash/fp", "./styles.css", "./Button", "@scope/pkg/sub", "node:fs", "./lazy.js", "default-only"],
            imports.Select(i => i.Specifier).ToList());
        Assert.Equal(["import", "import", "side-effect", "export-from", "export-from", "require", "dynamic-import", "import"],
            imports.Select(i => i.Kind).ToList());
        Assert.Equal((1, 33), (imports[0].Line, imports[0].Column));
    }

    [Fact]
    public void Multi_line_import_clause_is_followed()
    {
        Assert.Equal(["x"], Specifiers("import {\n  a,\n  b as c,\n  type D,\n} from 'x';\n"));
    }

    [Theory]
    [InlineData("// import a from 'fake'\n")]
    [InlineData("/* require('fake') \n import 'fake' */\n")]
    [InlineData("const s = \"import a from 'fake'\";\n")]
    [InlineData("const s = 'require(\"fake\")';\n")]
    [InlineData("const t = `import x from 'fake'`;\n")]
    [InlineData("const t = `line\nrequire('fake')\n`;\n")]
    [InlineData("const r = /import 'fake'/g;\n")]
    [InlineData("const r = x.split(/require\\('fake'\\)/);\n")]
    [InlineData("obj.require('fake'); obj.import('fake');\n")]
    [InlineData("function require(x) {}\n")]
    [InlineData("const u = import.meta.url;\n")]
    [InlineData("const x = require(name);\nimport(`./${dyn}`);\n")]
    public void Text_in_comments_strings_templates_and_regexes_is_not_an_import(string source)
    {
        Assert.DoesNotContain("fake", Specifiers(source));
        Assert.DoesNotContain(JsImportExtractor.Extract(source), i => i.Specifier == "name");
    }

    [Fact]
    public void Template_substitutions_are_code()
    {
        Assert.Equal(["real"], Specifiers("const t = `a ${require('real')} b`;\n"));
    }

    [Fact]
    public void Nested_template_and_braces_inside_a_substitution_resume_the_template()
    {
        Assert.Equal(["after"], Specifiers("const t = `a ${ {k: `in ${x}`}.k } import 'fake' `;\nimport 'after';\n"));
    }

    [Fact]
    public void Division_is_not_a_regex()
    {
        Assert.Equal(["after"], Specifiers("const a = b / c; const d = (e) / 2; // x\nimport 'after';\n"));
    }

    [Fact]
    public void Jsx_text_apostrophe_does_not_swallow_the_next_line()
    {
        Assert.Equal(["after"], Specifiers("const el = <p>Don't panic</p>;\nimport 'after';\n"));
    }

    [Fact]
    public void Type_only_imports_are_marked()
    {
        var imports = JsImportExtractor.Extract("import type { A } from 'types-a';\nimport type from 'named-type';\nexport type { B } from 'types-b';\nimport { type C } from 'value-c';\n");
        Assert.Equal([true, false, true, false], imports.Select(i => i.TypeOnly).ToList());
    }

    [Fact]
    public void Export_declarations_are_not_reexports()
    {
        Assert.Empty(Specifiers("export const from = 'x';\nexport default function f() {}\nexport { a, b };\n"));
    }

    [Fact]
    public void Typescript_import_equals_require_is_found()
    {
        Assert.Equal(["legacy"], Specifiers("import legacy = require('legacy');\n"));
    }

    [Fact]
    public void Regex_after_keywords_and_operators_is_skipped_and_division_chains_are_not()
    {
        Assert.Equal(["after"], Specifiers("function f() { return /import 'fake'/.test(s); }\nconst ok = a ? /x'y/ : b / c / d;\nimport 'after';\n"));
    }

    [Fact]
    public void Regex_with_slash_inside_a_class_is_one_token()
    {
        Assert.Equal(["after"], Specifiers("const r = /[/'\"]import 'fake'/;\nimport 'after';\n"));
    }

    [Fact]
    public void Windows_line_endings_and_hashbang_are_handled()
    {
        var imports = JsImportExtractor.Extract("#!/usr/bin/env node\r\n// import 'fake'\r\nconst a = require('a');\r\nimport b from 'b';\r\n");
        Assert.Equal([("a", 3), ("b", 4)], imports.Select(i => (i.Specifier, i.Line)).ToList());
    }
}
