using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Muster.Tests.Security;

/// <summary>
/// Reads Muster's compiled assemblies: only an allow-list of types may touch <c>System.Diagnostics.Process</c> (or a
/// library type that starts programs), and of those only the git runner may name git. Generalises the LLM folder's
/// source check to every folder.
/// </summary>
public sealed class ProcessStartArchitectureTests
{
    private static readonly HashSet<string> ProcessTypes =
    [
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "ModelContextProtocol.Client.StdioClientTransport",
        "ModelContextProtocol.Client.StdioClientTransportOptions",
    ];

    /// <summary>Type → why it may start or signal processes.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["Muster.Workspace.Git.GitRunner"] = "the one git runner",
        ["Muster.Workspace.Git.GitProcess"] = "the git runner's streaming handle",
        ["Muster.Agents.Command.ProcessRunner"] = "command agents run the program their plan names",
        ["Muster.Agents.Mcp.McpServerProbe"] = "starts a workspace's MCP server only with --start-mcp-servers, sandboxed",
        ["Muster.Agents.Mcp.SandboxProcesses"] = "kills what an MCP server probe left in its sandbox",
    };

    private static readonly HashSet<string> GitRunnerTypes = ["Muster.Workspace.Git.GitRunner", "Muster.Workspace.Git.GitExecutable"];

    [Fact]
    public void Only_allow_listed_types_touch_processes()
    {
        var users = ProcessUsers();

        Assert.Contains("Muster.Workspace.Git.GitRunner", users.Keys); // the scan sees what it must see
        Assert.All(users, u => Assert.True(Allowed.ContainsKey(u.Key), $"{u.Key} uses {u.Value}; only {string.Join(", ", Allowed.Keys)} may"));
    }

    [Fact]
    public void Only_the_git_runner_names_git_among_types_that_can_start_programs()
    {
        var users = ProcessUsers().Keys.ToHashSet();
        foreach (var type in Types().Where(t => users.Contains(Outermost(t).FullName) && !GitRunnerTypes.Contains(Outermost(t).FullName)))
        {
            foreach (var instruction in Instructions(type).Where(i => i.OpCode == OpCodes.Ldstr))
            {
                var text = (string)instruction.Operand;
                Assert.False(text == "git" || text.EndsWith("/git", StringComparison.Ordinal), $"{type.FullName} names git: only the git runner may start it");
            }
        }
    }

    private static Dictionary<string, string> ProcessUsers()
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in Types())
        {
            var used = TypesReferencedBy(type).FirstOrDefault(ProcessTypes.Contains);
            if (used is not null) users.TryAdd(Outermost(type).FullName, used);
        }
        return users;
    }

    private static IEnumerable<string> TypesReferencedBy(TypeDefinition type)
    {
        foreach (var field in type.Fields) yield return field.FieldType.FullName;
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType.FullName;
            foreach (var p in method.Parameters) yield return p.ParameterType.FullName;
            if (!method.HasBody) continue;
            foreach (var local in method.Body.Variables) yield return local.VariableType.FullName;
        }
        foreach (var instruction in Instructions(type))
        {
            switch (instruction.Operand)
            {
                case MemberReference { DeclaringType: { } declaring }: yield return declaring.FullName; break;
                case TypeReference t: yield return t.FullName; break;
            }
        }
    }

    private static IEnumerable<Instruction> Instructions(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions);

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static IEnumerable<TypeDefinition> Types()
    {
        foreach (var name in (string[])["Muster.dll", "Muster.Cli.dll"])
        {
            var module = ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, name));
            foreach (var type in module.GetTypes()) yield return type;
        }
    }
}
