using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Muster.Tests.Architecture;

/// <summary>
/// Every reference from a type of an assembly to another type of the same assembly: base types, interfaces, fields,
/// properties, method signatures, attributes, generic arguments and every operand of every method body. Nested and
/// compiler-generated types (lambdas, iterators, async state machines) count as their outermost declaring type.
/// </summary>
internal sealed class LibraryReferences
{
    private LibraryReferences(IReadOnlyList<TypeEdge> edges) => Edges = edges;

    public IReadOnlyList<TypeEdge> Edges { get; }

    public static LibraryReferences Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new HashSet<TypeEdge>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type);
            void Add(TypeReference? target)
            {
                foreach (var t in Flatten(target))
                {
                    if (t.Scope is not ModuleDefinition || t.Module != module) continue;
                    var to = Outermost(t);
                    if (to.FullName != from.FullName) edges.Add(new TypeEdge(from.FullName, from.Namespace, to.FullName, to.Namespace));
                }
            }
            Add(type.BaseType);
            foreach (var i in type.Interfaces) Add(i.InterfaceType);
            foreach (var a in type.CustomAttributes) Add(a.AttributeType);
            foreach (var f in type.Fields) Add(f.FieldType);
            foreach (var p in type.Properties) Add(p.PropertyType);
            foreach (var m in type.Methods) AddMethod(m, Add);
        }
        return new LibraryReferences(edges.ToList());
    }

    private static void AddMethod(MethodDefinition method, Action<TypeReference?> add)
    {
        add(method.ReturnType);
        foreach (var p in method.Parameters) add(p.ParameterType);
        foreach (var a in method.CustomAttributes) add(a.AttributeType);
        if (!method.HasBody) return;
        foreach (var v in method.Body.Variables) add(v.VariableType);
        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t: add(t); break;
                case MethodReference m:
                    add(m.DeclaringType);
                    add(m.ReturnType);
                    foreach (var p in m.Parameters) add(p.ParameterType);
                    if (m is GenericInstanceMethod g) foreach (var arg in g.GenericArguments) add(arg);
                    break;
                case FieldReference f: add(f.DeclaringType); add(f.FieldType); break;
            }
        }
    }

    /// <summary>The type itself plus every type inside it: element types, generic arguments.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference? type)
    {
        if (type is null || type is GenericParameter) yield break;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Flatten(generic.ElementType)) yield return t;
                foreach (var arg in generic.GenericArguments)
                    foreach (var t in Flatten(arg)) yield return t;
                yield break;
            case TypeSpecification spec:
                foreach (var t in Flatten(spec.ElementType)) yield return t;
                yield break;
            default:
                yield return type;
                yield break;
        }
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }
}
