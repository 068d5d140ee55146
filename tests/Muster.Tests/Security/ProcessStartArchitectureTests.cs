using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Muster.Tests.Security;

/// <summary>
/// Reads Muster's compiled assemblies: only the one process adapter (<c>Muster.Workspace.Processes.SystemProcessStarter</c>) starts a
/// process, only an allow-list of types touches <c>System.Diagnostics.Process</c> at all (or a library type that
/// starts programs), and of the types that can start programs only the git runner may name git. Generalises the LLM
/// folder's source check to every folder.
/// </summary>
public sealed class ProcessStartArchitectureTests
{
    private static readonly HashSet<string> ProcessTypes =
    [
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "ModelContextProtocol.Client.StdioClientTransport",
        "ModelContextProtocol.Client.StdioClientTransportOptions",
    ];

    /// <summary>By name, not typeof: the scan also runs against a library built before the adapter existed.</summary>
    private const string Adapter = "Muster.Workspace.Processes.SystemProcessStarter";

    /// <summary>The seam everything else starts programs through: a type using it can start programs too.</summary>
    private static readonly HashSet<string> StarterTypes = [.. ProcessTypes, "Muster.Workspace.Processes.IProcessStarter"];

    /// <summary>Type → why it may start or signal processes.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        [Adapter] = "the one process adapter",
        ["Muster.Workspace.Processes.SystemProcess"] = "the adapter's handle on a started process",
        ["Muster.Agents.Mcp.McpServerProbe"] = "starts a workspace's MCP server only with --start-mcp-servers, sandboxed, through the MCP SDK's stdio transport",
        ["Muster.Agents.Mcp.SandboxProcesses"] = "kills what an MCP server probe left in its sandbox",
    };

    /// <summary>Type → what of <see cref="StartKinds"/> it may do besides the adapter, and why.</summary>
    private static readonly Dictionary<string, (string Kind, string Why)> AllowedStarts = new()
    {
        ["Muster.Agents.Mcp.McpServerProbe"] = ("new StdioClientTransport", "the MCP SDK starts the server itself and reads its exit code"),
    };

    private static readonly HashSet<string> StartKinds = ["Process.Start", "new Process", "ProcessStartInfo", "new StdioClientTransport"];

    private static readonly HashSet<string> GitRunnerTypes = ["Muster.Workspace.Git.GitRunner", "Muster.Workspace.Git.GitExecutable"];

    [Fact]
    public void Only_the_process_adapter_starts_processes()
    {
        var violations = ProcessStarts(LibraryModules())
            .Where(s => s.Type != Adapter
                        && !(AllowedStarts.TryGetValue(s.Type, out var allowed) && allowed.Kind == s.Kind))
            .Select(s => $"{s.Type}: {s.Kind}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(violations.Count == 0,
            "Start programs through the agent context's IProcessStarter (Muster.Workspace.Processes), never directly:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_start_scan_sees_each_kind_of_process_start()
    {
        using var tests = ModuleDefinition.ReadModule(typeof(ProcessStartSamples).Assembly.Location);
        var kinds = ProcessStarts([tests]).Where(s => s.Type == typeof(ProcessStartSamples).FullName).Select(s => s.Kind).ToHashSet();

        Assert.Equal(StartKinds, kinds);
        Assert.Contains(ProcessStarts(LibraryModules()), s => s.Type == Adapter && s.Kind == "Process.Start");
    }

    [Fact]
    public void Only_allow_listed_types_touch_processes()
    {
        var users = Users(ProcessTypes);

        Assert.Contains(Adapter, users.Keys); // the scan sees what it must see
        Assert.All(users, u => Assert.True(Allowed.ContainsKey(u.Key), $"{u.Key} uses {u.Value}; only {string.Join(", ", Allowed.Keys)} may"));
    }

    [Fact]
    public void Only_the_git_runner_names_git_among_types_that_can_start_programs()
    {
        var users = Users(StarterTypes).Keys.ToHashSet();
        Assert.Contains("Muster.Workspace.Git.GitRunner", users);
        Assert.Contains("Muster.Agents.Command.ProcessRunner", users);
        foreach (var type in Types().Where(t => users.Contains(Outermost(t).FullName) && !GitRunnerTypes.Contains(Outermost(t).FullName)))
        {
            foreach (var instruction in Instructions(type).Where(i => i.OpCode == OpCodes.Ldstr))
            {
                var text = (string)instruction.Operand;
                Assert.False(text == "git" || text.EndsWith("/git", StringComparison.Ordinal), $"{type.FullName} names git: only the git runner may start it");
            }
        }
    }

    /// <summary>Each place a type (its outermost) starts a process, by kind.</summary>
    private static IEnumerable<(string Type, string Kind)> ProcessStarts(IEnumerable<ModuleDefinition> modules)
    {
        foreach (var type in modules.SelectMany(m => m.GetTypes()))
        {
            var owner = Outermost(type).FullName;
            if (TypesReferencedBy(type).Contains("System.Diagnostics.ProcessStartInfo")) yield return (owner, "ProcessStartInfo");
            foreach (var instruction in Instructions(type))
            {
                if (instruction.Operand is not MethodReference called) continue;
                var declaring = called.DeclaringType.FullName;
                if (declaring == "System.Diagnostics.Process" && called.Name == "Start") yield return (owner, "Process.Start");
                else if (instruction.OpCode == OpCodes.Newobj && called.Name == ".ctor" && declaring == "System.Diagnostics.Process") yield return (owner, "new Process");
                else if (instruction.OpCode == OpCodes.Newobj && called.Name == ".ctor" && declaring == "ModelContextProtocol.Client.StdioClientTransport")
                    yield return (owner, "new StdioClientTransport");
            }
        }
    }

    private static Dictionary<string, string> Users(IReadOnlySet<string> typeNames)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in Types())
        {
            var used = TypesReferencedBy(type).FirstOrDefault(typeNames.Contains);
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

    private static IEnumerable<TypeDefinition> Types() => LibraryModules().SelectMany(m => m.GetTypes());

    private static IEnumerable<ModuleDefinition> LibraryModules() =>
        ((string[])["Muster.dll", "Muster.Cli.dll"]).Select(name => ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, name)));
}
