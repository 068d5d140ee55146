namespace Muster.Formats.Compose;

/// <summary>A variable one compose value refers to; <see cref="Offset"/> is where its <c>$</c> is in the value.</summary>
public readonly record struct ComposeVariableUse(string Name, bool Required, int Offset);

/// <summary>A variable a compose file refers to, at the line and column of its <c>$</c>.</summary>
public sealed record ComposeVariableReference(string Name, bool Required, ComposePosition Position);
