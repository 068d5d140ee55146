namespace Muster.Formats.Compose;

/// <summary>A service's healthcheck as declared. <see cref="Disabled"/> covers <c>disable: true</c> and <c>test: ["NONE"]</c>.</summary>
public sealed record ComposeHealthcheck(IReadOnlyList<string> Test, bool Disabled, string? Interval, string? Timeout, int? Retries,
    string? StartPeriod, ComposePosition Position);
