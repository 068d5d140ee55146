using Muster.Agents.AgentDefinitions;
using Muster.Agents.ConfigAudit;
using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Formats.Compose;
using Muster.Formats.Packages.Parsers;
using Muster.Formats.Services;

namespace Muster.Tests.Formats.Yaml;

/// <summary>Every YAML reader in Muster, fed each bomb: a reported error naming the budget, never a crash.</summary>
public class YamlReadersBombTests
{
    public static TheoryData<string, string> Bombs() => new()
    {
        { "alias", HostileYaml.AliasBomb(10, tail: "services:\n  web: { image: nginx }\nwaves: []\n") },
        { "flow", "services: " + HostileYaml.FlowNesting(10_000) },
        { "block", HostileYaml.BlockNesting(1_000) },
    };

    private static void AssertLimitMessage(string message) =>
        Assert.Matches("^YAML (alias expansion|nesting) exceeds .*; not audited$", message);

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Compose_loader_reports_the_file(string kind, string yaml)
    {
        using var tree = new TempTree();
        var file = tree.Write("compose.yml", yaml);

        var project = ComposeLoader.Load([file], new ComposeLoadOptions { Environment = new Dictionary<string, string>(), DisplayRoot = tree.Path });

        var error = Assert.Single(project.Diagnostics);
        Assert.Equal("yaml-limit", error.Code);
        Assert.EndsWith("compose.yml", error.Position.File, StringComparison.Ordinal);
        AssertLimitMessage(error.Message);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Config_audit_compose_document_reports_the_file(string kind, string yaml)
    {
        var document = ComposeAuditDocument.Parse("compose.yml", yaml);

        Assert.NotNull(document.Error);
        AssertLimitMessage(document.Error.Message);
        Assert.Empty(document.Services);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Services_manifest_reports_the_file(string kind, string yaml)
    {
        var manifest = ServiceManifest.Parse(yaml, ServiceManifest.FileName);

        AssertLimitMessage(Assert.Single(manifest.Errors).Message);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Plan_parser_gives_a_positioned_plan_error(string kind, string yaml)
    {
        var errors = Assert.Throws<PlanException>(() => new PlanParser(BuiltInAgents.CreateRegistry()).Parse(yaml, "plan.yaml")).Errors;

        var error = Assert.Single(errors);
        AssertLimitMessage(error.Message);
        Assert.True(error.Line >= 1);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Pnpm_lockfile_is_a_manifest_problem(string kind, string yaml)
    {
        var result = new ParseResult();

        new PnpmLockParser().Parse(new ManifestFile("pnpm-lock.yaml", "/nowhere/pnpm-lock.yaml", yaml), result);

        AssertLimitMessage(Assert.Single(result.Problems).Message);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Agent_definitions_list_the_file_as_unreadable(string kind, string yaml)
    {
        using var tree = new TempTree();
        tree.Write("crew/agents.yaml", yaml);
        tree.Write("plans/nightly.yaml", "waves:\n" + yaml.Replace("waves: []\n", "", StringComparison.Ordinal));
        var reader = new AgentDefinitionReader(tree.Path);

        Assert.Empty(reader.Read(CancellationToken.None));

        Assert.Equal(["crew/agents.yaml", "plans/nightly.yaml"], reader.Unreadable.Select(u => u.Path).Order(StringComparer.Ordinal));
        Assert.All(reader.Unreadable, u => AssertLimitMessage(u.Reason));
        Assert.NotEmpty(kind);
    }
}
