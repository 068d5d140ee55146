using Muster.Agents.Imports.Python;

namespace Muster.Tests.Agents.Imports;

public class PythonImportExtractorTests
{
    private static List<string> Modules(string source) =>
        PythonImportExtractor.Extract(source).Select(i => i.Display).ToList();

    [Fact]
    public void Plain_dotted_and_aliased_imports()
    {
        Assert.Equal(["os", "a.b", "c", "d.e"], Modules("import os\nimport a.b as x, c\nimport d.e\n"));
    }

    [Fact]
    public void From_imports_keep_module_and_names()
    {
        var import = Assert.Single(PythonImportExtractor.Extract("from auth import get_current_user, User as U\n"));
        Assert.Equal("auth", import.Module);
        Assert.Equal(["get_current_user", "User"], import.Names);
        Assert.Equal(1, import.Line);
        Assert.Equal(6, import.Column);
    }

    [Fact]
    public void Relative_imports_count_their_dots()
    {
        var imports = PythonImportExtractor.Extract("from . import models\nfrom ..pkg import m\nfrom ...x.y import z\n");
        Assert.Equal([(1, ""), (2, "pkg"), (3, "x.y")], imports.Select(i => (i.Level, i.Module)).ToList());
        Assert.Equal(["models"], imports[0].Names);
    }

    [Fact]
    public void Multi_line_parenthesised_import_is_one_statement()
    {
        var import = Assert.Single(PythonImportExtractor.Extract("from pkg.sub import (\n    a,\n    b as c,  # comment\n)\nx = 1\n"));
        Assert.Equal(["a", "b"], import.Names);
    }

    [Fact]
    public void Backslash_continuation_joins_lines()
    {
        var imports = PythonImportExtractor.Extract("import os, \\\n    json\nfrom x \\\n  import y\n");
        Assert.Equal(["os", "json", "x"], imports.Select(i => i.Module).ToList());
        Assert.Equal(2, imports[1].Line);
    }

    [Theory]
    [InlineData("# import fake\n")]
    [InlineData("x = 'import fake'\n")]
    [InlineData("x = \"from fake import y\"\n")]
    [InlineData("\"\"\"Module docs.\nimport fake\nfrom fake import x\n\"\"\"\n")]
    [InlineData("x = '''\nimport fake\n'''\n")]
    [InlineData("x = rb'\\\nimport fake'\n")]
    [InlineData("x = f\"{'import fake'}\"\n")]
    [InlineData("x = f\"{d[\"k\"]} import fake\"\n")]
    [InlineData("x = f'''{a:>{w}} \nimport fake\n'''\n")]
    [InlineData("x = Rb\"import fake\"; y = BR'import fake'; z = u'import fake'\n")]
    [InlineData("def f():\n    \"\"\"\n    from fake import x\n    \"\"\"\n")]
    [InlineData("s = 'it''s' # import fake\n")]
    public void Text_in_strings_comments_and_docstrings_is_never_code(string source)
    {
        Assert.DoesNotContain("fake", Modules(source));
    }

    [Fact]
    public void Code_after_a_string_with_escaped_quote_is_still_seen()
    {
        Assert.Equal(["real"], Modules("x = 'a\\'b'\nimport real\n"));
    }

    [Fact]
    public void Code_after_an_f_string_format_spec_with_a_quote_is_still_seen()
    {
        Assert.Equal(["real"], Modules("x = f\"{v:'>10}\"\nimport real\n"));
    }

    [Fact]
    public void Unterminated_string_ends_at_its_line()
    {
        Assert.Equal(["real"], Modules("x = 'oops\nimport real\n"));
    }

    [Fact]
    public void Semicolon_separated_statements_are_all_found()
    {
        Assert.Equal(["a", "b"], Modules("import a; import b\n"));
    }

    [Fact]
    public void Try_except_import_error_guards_the_try_body_and_marks_the_handler_a_fallback()
    {
        var imports = PythonImportExtractor.Extract("try:\n    import ujson as json\nexcept ImportError:\n    import json\nimport after\n");
        Assert.Equal(PythonImportExtractor.GuardTry, imports[0].Guard);
        Assert.Equal(PythonImportExtractor.GuardFallback, imports[1].Guard);
        Assert.Equal(["ujson"], imports[1].FallbackFor);
        Assert.Null(imports[2].Guard);
    }

    [Theory]
    [InlineData("except ModuleNotFoundError:")]
    [InlineData("except (ValueError, ImportError) as e:")]
    [InlineData("except Exception:")]
    [InlineData("except:")]
    public void Handlers_that_catch_import_errors_guard(string handler)
    {
        var import = PythonImportExtractor.Extract($"try:\n    import fast\n{handler}\n    fast = None\n")[0];
        Assert.Equal(PythonImportExtractor.GuardTry, import.Guard);
    }

    [Fact]
    public void Try_with_an_unrelated_handler_does_not_guard()
    {
        Assert.Null(PythonImportExtractor.Extract("try:\n    import fast\nexcept KeyError:\n    pass\n")[0].Guard);
    }

    [Fact]
    public void One_line_try_is_guarded()
    {
        Assert.Equal(PythonImportExtractor.GuardTry, PythonImportExtractor.Extract("try: import fast\nexcept ImportError: fast = None\n")[0].Guard);
    }

    [Fact]
    public void Type_checking_block_is_guarded_but_its_else_is_not()
    {
        var imports = PythonImportExtractor.Extract("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from heavy import T\nelse:\n    import light\n");
        Assert.Equal(PythonImportExtractor.GuardTypeChecking, imports[1].Guard);
        Assert.Null(imports[2].Guard);
    }

    [Fact]
    public void Every_branch_of_a_version_check_is_guarded()
    {
        var imports = PythonImportExtractor.Extract("import sys\nif sys.version_info >= (3, 11):\n    import tomllib\nelse:\n    import tomli as tomllib\nimport after\n");
        Assert.Equal([null, PythonImportExtractor.GuardVersion, PythonImportExtractor.GuardVersion, null], imports.Select(i => i.Guard).ToList());
    }

    [Fact]
    public void Nested_blocks_inside_a_guard_stay_guarded()
    {
        var import = PythonImportExtractor.Extract("try:\n    if x:\n        import deep\nexcept ImportError:\n    pass\n")[0];
        Assert.Equal(PythonImportExtractor.GuardTry, import.Guard);
    }

    [Fact]
    public void Tabs_count_for_indentation()
    {
        var imports = PythonImportExtractor.Extract("try:\n\timport fast\nexcept ImportError:\n\tpass\nimport after\n");
        Assert.Equal([PythonImportExtractor.GuardTry, null], imports.Select(i => i.Guard).ToList());
    }

    [Fact]
    public void Future_and_star_imports_parse()
    {
        var imports = PythonImportExtractor.Extract("from __future__ import annotations\nfrom pkg import *\n");
        Assert.Equal(["__future__", "pkg"], imports.Select(i => i.Module).ToList());
        Assert.Equal(["*"], imports[1].Names);
    }

    [Fact]
    public void Names_such_as_important_are_not_keywords()
    {
        Assert.Empty(Modules("important = 1\nfrom_x = important\n"));
    }

    [Fact]
    public void Windows_line_endings_keep_lines_and_string_continuations()
    {
        var imports = PythonImportExtractor.Extract("\"\"\"Doc\r\nimport fake\r\n\"\"\"\r\nx = 'a\\\r\nimport fake'\r\nimport os, \\\r\n    json\r\nimport real\r\n");
        Assert.Equal([("os", 6), ("json", 7), ("real", 8)], imports.Select(i => (i.Module, i.Line)).ToList());
    }

    [Fact]
    public void Template_strings_and_nested_format_specs_are_strings()
    {
        Assert.Equal(["real"], Modules("a = t\"{x} import fake\"\nb = f\"{x:{'>'}{w}} import fake\"\nc = rf'''{{\nimport fake}}'''\nimport real\n"));
    }

    [Fact]
    public void Not_type_checking_is_the_runtime_branch()
    {
        Assert.Null(PythonImportExtractor.Extract("if not TYPE_CHECKING:\n    import runtime_only\n")[0].Guard);
    }
}
