namespace Muster.Bench;

/// <summary>A console benchmark: prints its measured figures; never asserts on time.</summary>
internal interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}
