using Mono.Cecil;
using Mono.Cecil.Cil;
using Muster.Agents;

namespace Muster.Tests.Architecture;

/// <summary>
/// Reads the library's IL: time comes from the <see cref="TimeProvider"/> a type is given (the engine's, or
/// <see cref="AgentContext.Time"/>), so a test on a fake clock controls every elapsed time, timeout and delay. The one
/// clock adapter is <see cref="TimeProvider.System"/>, the default a front end or a test may replace; no library type
/// reads the wall clock around it.
/// </summary>
public sealed class WallClockArchitectureTests
{
    /// <summary>Library type → why it may read the wall clock itself. Empty: none needs to.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal);

    [Fact]
    public void Library_code_takes_time_only_from_its_time_provider()
    {
        var violations = WallClockUses(typeof(IAgent).Assembly.Location)
            .Where(u => !Allowed.ContainsKey(u.Type))
            .Select(u => $"{u.Type}: {u.What}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(violations.Count == 0,
            "Take time from the TimeProvider the type is given (GetTimestamp/GetElapsedTime, new CancellationTokenSource(delay, time), " +
            "Task.Delay(delay, time, ct)):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_scan_sees_each_kind_of_wall_clock_use()
    {
        var uses = WallClockUses(typeof(WallClockArchitectureTests).Assembly.Location)
            .Where(u => u.Type == typeof(WallClockSamples).FullName)
            .Select(u => u.What)
            .ToHashSet();

        Assert.Equal(
            new HashSet<string>
            {
                "DateTime.UtcNow", "DateTime.Now", "DateTimeOffset.UtcNow", "DateTimeOffset.Now", "Stopwatch",
                "CancellationTokenSource.CancelAfter", "new CancellationTokenSource(delay) without a TimeProvider",
                "Task.Delay without a TimeProvider", "Task.WaitAsync(timeout) without a TimeProvider", "Thread.Sleep",
            },
            uses);
    }

    private static IEnumerable<(string Type, string What)> WallClockUses(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type).FullName;
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var local in method.Body.Variables)
                {
                    if (local.VariableType.FullName == "System.Diagnostics.Stopwatch") yield return (owner, "Stopwatch");
                }
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is MethodReference called && Describe(called, instruction.OpCode) is { } what) yield return (owner, what);
                }
            }
        }
    }

    private static string? Describe(MethodReference method, OpCode opCode)
    {
        var declaring = method.DeclaringType.GetElementType().FullName;
        var takesTime = method.Parameters.Any(p => p.ParameterType.FullName == "System.TimeProvider");
        return (declaring, method.Name) switch
        {
            ("System.DateTime", "get_UtcNow") => "DateTime.UtcNow",
            ("System.DateTime", "get_Now") => "DateTime.Now",
            ("System.DateTimeOffset", "get_UtcNow") => "DateTimeOffset.UtcNow",
            ("System.DateTimeOffset", "get_Now") => "DateTimeOffset.Now",
            ("System.Diagnostics.Stopwatch", _) => "Stopwatch",
            ("System.Threading.CancellationTokenSource", "CancelAfter") => "CancellationTokenSource.CancelAfter",
            ("System.Threading.CancellationTokenSource", ".ctor") when opCode == OpCodes.Newobj && method.Parameters.Count == 1 && !takesTime =>
                "new CancellationTokenSource(delay) without a TimeProvider",
            ("System.Threading.Tasks.Task", "Delay") when !takesTime => "Task.Delay without a TimeProvider",
            ("System.Threading.Tasks.Task" or "System.Threading.Tasks.Task`1", "WaitAsync")
                when !takesTime && method.Parameters.Any(p => p.ParameterType.FullName == "System.TimeSpan") =>
                "Task.WaitAsync(timeout) without a TimeProvider",
            ("System.Threading.Thread", "Sleep") => "Thread.Sleep",
            _ => null,
        };
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }
}
