namespace Muster.Tests.Architecture;

/// <summary>One type of the library referring to another type of the same library.</summary>
internal sealed record TypeEdge(string FromType, string FromNamespace, string ToType, string ToNamespace);
