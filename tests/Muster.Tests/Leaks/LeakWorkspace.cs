using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Leaks;

/// <summary>
/// A workspace that plants credential values in every place Muster reads text from: one file per built-in secret
/// rule, a .env, status-document claims, compose environment and labels, an MCP config's args and env, the files a
/// command agent prints (stdout, stderr, a SARIF report), lockfile and requirements git URLs with userinfo, file and
/// folder names, and run parameters. <see cref="Plants"/> lists every value with where it was put.
/// </summary>
internal sealed class LeakWorkspace : IDisposable
{
    private readonly TempTree _tree = new();
    private int _seed = 9_000;

    public string Root => _tree.Path;

    public List<(string Value, string Where)> Plants { get; } = [];

    /// <summary>(rule id or its prefix, path) of every finding the secrets agent must report: the plants are really seen.</summary>
    public List<(string RuleId, string Path)> MustBeFound { get; } = [];

    /// <summary>The <c>--set</c> arguments (NAME=VALUE), each value planted.</summary>
    public List<string> RunParameters { get; } = [];

    public static LeakWorkspace Generate()
    {
        var workspace = new LeakWorkspace();
        workspace.OneFilePerRule();
        workspace.EnvAndClaims();
        workspace.ComposeAndMcp();
        workspace.CommandOutputs();
        workspace.LockfileUrls();
        workspace.Names();
        workspace.Parameters();
        return workspace;
    }

    private void OneFilePerRule()
    {
        foreach (var sample in Planted.EveryRule(7_000))
        {
            var path = $"rules/{sample.RuleId}.txt";
            _tree.Write(path, sample.Line + "\n");
            Plant(sample.Value, path);
            // Where two rules match one value, the report keeps one of them.
            MustBeFound.Add(("secrets/", path));
        }
    }

    private void EnvAndClaims()
    {
        var anthropic = Plant(Planted.Anthropic(Next()), "config/.env");
        var password = Plant(Planted.Plain(Next()), "config/.env");
        _tree.Write("config/.env", $"ANTHROPIC_API_KEY={anthropic}\nDB_PASSWORD={password}\n");
        var grafana = Plant(Planted.Plain(Next()), "STATUS.md claim");
        var openAi = Plant(Planted.OpenAiProject(Next()), "STATUS.md claim");
        var github = Plant(Planted.GitHub(Next()), "STATUS.md claim");
        var redis = Plant(Planted.Plain(Next()), "STATUS.md table");
        _tree.Write("STATUS.md", $"""
            # Ecosystem status

            - ✅ grafana running, admin password: {grafana}
            - ✅ openai gateway deployed with key {openAi}
            - 12 containers up, registry token {github}

            | Service | Status | Notes |
            |---|---|---|
            | redis | ✅ Running | password: {redis} |
            """);
        MustBeFound.Add(("secrets/anthropic-api-key", "config/.env"));
        MustBeFound.Add(("secrets/openai-project-key", "STATUS.md"));
    }

    private void ComposeAndMcp()
    {
        var openAi = Plant(Planted.OpenAiProject(Next()), "compose environment");
        var password = Plant(Planted.Plain(Next()), "compose environment");
        var label = Plant(Planted.GitHub(Next()), "compose label");
        _tree.Write("deploy/docker-compose.yml", $"""
            services:
              api:
                image: acme/api:1.2.3
                environment:
                  OPENAI_API_KEY: {openAi}
                  POSTGRES_PASSWORD: {password}
                labels:
                  com.acme.deploy-token: "{label}"
            """);
        var arg = Plant(Planted.Anthropic(Next()), "MCP args");
        var env = Plant(Planted.GitHub(Next()), "MCP env");
        var envPassword = Plant(Planted.Plain(Next()), "MCP env");
        _tree.Write(".mcp.json", """
            {"mcpServers": {"github": {"command": "muster-no-such-server-cmd", "args": ["--api-key", "@ARG"],
              "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "@ENV", "DB_PASSWORD": "@PASSWORD"}}}}
            """.Replace("@ARG", arg, StringComparison.Ordinal).Replace("@ENV", env, StringComparison.Ordinal).Replace("@PASSWORD", envPassword, StringComparison.Ordinal));
        MustBeFound.Add(("secrets/github-pat", "deploy/docker-compose.yml"));
        MustBeFound.Add(("secrets/github-pat", ".mcp.json"));
    }

    /// <summary>What the plan's command agents print: <c>tool/stdout.txt</c>, <c>tool/stderr.txt</c>, <c>tool/report.sarif</c>.</summary>
    private void CommandOutputs()
    {
        var stdoutKey = Plant(Planted.Anthropic(Next()), "command stdout");
        var stdoutPassword = Plant(Planted.Plain(Next()), "command stdout (regex message)");
        _tree.Write("tool/stdout.txt", $"app.py:3: error: hardcoded key {stdoutKey}\napp.py:4: warning: db password = {stdoutPassword}\n");
        var stderrToken = Plant(Planted.GitHub(Next()), "command stderr");
        var stderrPassword = Plant(Planted.Plain(Next()), "command stderr");
        _tree.Write("tool/stderr.txt", $"warning: token {stderrToken} rejected\nwarning: retry with password={stderrPassword}\n");
        var message = Plant(Planted.OpenAiProject(Next()), "SARIF message");
        var snippet = Plant(Planted.Plain(Next()), "SARIF snippet");
        var property = Plant(Planted.GoogleApiKey(Next()), "SARIF rule text");
        _tree.Write("tool/report.sarif", """
            {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{
              "tool": {"driver": {"name": "leaky-scanner", "rules": [{"id": "hardcoded-secret",
                "shortDescription": {"text": "Hardcoded secret"}, "help": {"text": "Remove key @PROPERTY from the code."}}]}},
              "results": [{"ruleId": "hardcoded-secret", "level": "error",
                "message": {"text": "OpenAI key @MESSAGE is hardcoded"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app.py"},
                  "region": {"startLine": 5, "snippet": {"text": "password = \"@SNIPPET\""}}}}]}]}]}
            """.Replace("@PROPERTY", property, StringComparison.Ordinal).Replace("@MESSAGE", message, StringComparison.Ordinal).Replace("@SNIPPET", snippet, StringComparison.Ordinal));
        _tree.Write("app.py", $"import os\n\n# key lives in tool/stdout.txt\npassword = \"{snippet}\"\n");
        MustBeFound.Add(("secrets/anthropic-api-key", "tool/stdout.txt"));
        MustBeFound.Add(("secrets/github-pat", "tool/stderr.txt"));
    }

    private void LockfileUrls()
    {
        var npmToken = Plant(Planted.GitHub(Next()), "package-lock.json git URL");
        _tree.Write("web/package.json", """
            {"name": "web", "version": "1.0.0", "dependencies": {"private-lib": "github:acme/private-lib"}}
            """);
        _tree.Write("web/package-lock.json", """
            {"name": "web", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {
              "": {"name": "web", "version": "1.0.0", "dependencies": {"private-lib": "github:acme/private-lib"}},
              "node_modules/private-lib": {"version": "1.0.0",
                "resolved": "git+https://deploy:@TOKEN@github.com/acme/private-lib.git#0123456789abcdef0123456789abcdef01234567"}}}
            """.Replace("@TOKEN", npmToken, StringComparison.Ordinal));
        var pipToken = Plant(Planted.Plain(Next()), "requirements.txt git URL");
        _tree.Write("py/requirements.txt", $"requests==2.32.3\nprivate-lib @ git+https://ci:{pipToken}@gitlab.example.com/acme/private-lib.git@v1.0.0\n");
        MustBeFound.Add(("secrets/github-pat", "web/package-lock.json"));
    }

    private void Names()
    {
        var fileName = Plant(Planted.OpenAiProject(Next()), "a file name");
        var content = Plant(Planted.Anthropic(Next()), "a file named by a key");
        _tree.Write($"names/{fileName}.txt", $"ANTHROPIC_API_KEY={content}\n");
        var folder = Plant(Planted.GitHub(Next()), "a folder name");
        var envValue = Plant(Planted.Plain(Next()), "a .env in a folder named by a key");
        _tree.Write($"names/{folder}/.env", $"API_PASSWORD={envValue}\n");
    }

    private void Parameters()
    {
        RunParameters.Add("token=" + Plant(Planted.Anthropic(Next()), "run parameter token"));
        RunParameters.Add("db_password=" + Plant(Planted.Plain(Next()), "run parameter db_password"));
        RunParameters.Add("note=" + Plant(Planted.GitHub(Next()), "run parameter note (credential-shaped value)"));
    }

    private string Plant(string value, string where)
    {
        Plants.Add((value, where));
        return value;
    }

    private int Next() => _seed++;

    public void Dispose() => _tree.Dispose();
}
