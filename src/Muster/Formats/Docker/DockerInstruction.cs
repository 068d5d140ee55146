namespace Muster.Formats.Docker;

/// <summary>One Dockerfile instruction with continuation lines joined; <see cref="Line"/> is where it starts.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line, int Column, int Stage);
