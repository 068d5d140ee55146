using System.Diagnostics;
using System.Text;
using Muster.Agents;
using Muster.Agents.Imports;
using Muster.Model;

namespace Muster.Bench;

/// <summary>
/// Import resolution over a generated workspace: half Python projects (requirements.txt, packages, relative imports,
/// stdlib and declared third-party imports, a few broken ones), half JS/TS projects (package.json, tsconfig paths,
/// relative files, Node built-ins). Prints files per second and peak resident memory (VmHWM).
/// </summary>
internal sealed class ImportsBenchmark : IBenchmark
{
    public string Name => "imports";
    public string Description => "import resolution over N projects x M source files (default 200 x 100 = 20,000 files)";

    public async Task RunAsync(string[] args)
    {
        var projects = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var filesPerProject = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var root = Path.Combine(Path.GetTempPath(), "muster-bench-imports-" + Guid.NewGuid().ToString("N"));
        try
        {
            var generate = Stopwatch.StartNew();
            var files = Generate(root, projects, filesPerProject);
            Console.WriteLine($"generated {projects} projects, {files:N0} source files in {generate.Elapsed.TotalSeconds:F1}s");

            var run = Stopwatch.StartNew();
            var result = await new ImportsAgent().RunAsync(new AgentContext
            {
                RunId = "bench",
                AgentId = "imports-1",
                Kind = "imports",
                Role = AgentRole.Scanner,
                Root = root,
            }, CancellationToken.None);
            run.Stop();
            var scanned = result.Metrics["python_files"] + result.Metrics["js_files"];
            var imports = result.Metrics["python_imports"] + result.Metrics["js_imports"];
            Console.WriteLine($"files:          {scanned:N0} ({result.Metrics["python_files"]:N0} Python, {result.Metrics["js_files"]:N0} JS/TS)");
            Console.WriteLine($"imports:        {imports:N0}");
            Console.WriteLine($"findings:       {result.Findings.Count:N0} (HIGH {result.Findings.Count(f => f.Severity == Severity.High):N0})");
            Console.WriteLine($"elapsed:        {run.Elapsed.TotalSeconds:F2}s");
            Console.WriteLine($"files/second:   {scanned / run.Elapsed.TotalSeconds:N0}");
            Console.WriteLine($"imports/second: {imports / run.Elapsed.TotalSeconds:N0}");
            Console.WriteLine($"peak memory:    {PeakResidentKilobytes() / 1024.0:F1} MiB (VmHWM)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int Generate(string root, int projects, int filesPerProject)
    {
        var count = 0;
        for (var p = 0; p < projects; p++)
        {
            var project = Path.Combine(root, $"project-{p:D3}");
            if (p % 2 == 0) count += GeneratePython(project, p, filesPerProject);
            else count += GenerateJs(project, p, filesPerProject);
        }
        return count;
    }

    /// <summary>Packages of 20 files each: an <c>__init__.py</c> and 19 modules importing a sibling relatively.</summary>
    private static int GeneratePython(string project, int index, int files)
    {
        Write(Path.Combine(project, "requirements.txt"), "fastapi>=0.110\nsqlalchemy\nPyYAML==6.0.1\npython-dateutil\nuvicorn[standard]\n");
        for (var f = 0; f < files; f++)
        {
            var package = $"pkg{f / 20}";
            if (f % 20 == 0)
            {
                Write(Path.Combine(project, package, "__init__.py"), "");
                continue;
            }
            var sibling = f / 20 * 20 + (f % 20 % 19) + 1;
            var body = new StringBuilder()
                .Append("\"\"\"Generated module.\nimport not_an_import\n\"\"\"\n")
                .Append("import os, sys, json\nfrom pathlib import Path\nfrom typing import TYPE_CHECKING\n")
                .Append("import yaml\nfrom dateutil import parser\nfrom sqlalchemy.orm import Session\n")
                .Append("from fastapi import (\n    APIRouter,\n    Depends,\n)\n")
                .Append($"from . import m{sibling}\n")
                .Append($"from {package}.m{f} import thing  # itself, absolute\n")
                .Append("try:\n    import ujson\nexcept ImportError:\n    ujson = None\n")
                .Append("if TYPE_CHECKING:\n    from typing_helpers import T\n");
            if (f % 50 == 1) body.Append($"from missing_module_{index} import gone\n");
            body.Append("\n\ndef handler(x: str = 'import fake') -> str:\n    return f\"{x!r:>{10}}\" + x\n");
            Write(Path.Combine(project, package, $"m{f}.py"), body.ToString());
        }
        return files;
    }

    private static int GenerateJs(string project, int index, int files)
    {
        Write(Path.Combine(project, "package.json"), $$"""{ "name": "web-{{index}}", "dependencies": { "react": "^18.3.1", "lodash": "^4.17.21" }, "devDependencies": { "vitest": "^2.1.0" } }""");
        Write(Path.Combine(project, "tsconfig.json"), """{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }""");
        for (var f = 0; f < files; f++)
        {
            var body = new StringBuilder()
                .Append("import React, { useState } from 'react';\nimport debounce from 'lodash/debounce';\nimport { readFile } from 'node:fs/promises';\n")
                .Append($"import {{ value{(f + 1) % files} }} from './file{(f + 1) % files}';\n")
                .Append($"export * from '@app/file{(f + 2) % files}';\n")
                .Append("// import fake from 'commented-out';\nconst s = `template ${require('path').sep} import 'fake'`;\nconst r = /import 'fake'/g;\n");
            if (f % 50 == 0) body.Append($"import gone from './missing-{index}';\n");
            body.Append($"export const value{f} = {f};\n");
            var extension = f % 3 == 0 ? ".tsx" : ".ts";
            Write(Path.Combine(project, "src", $"file{f}{extension}"), body.ToString());
        }
        return files;
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static long PeakResidentKilobytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return 0;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
