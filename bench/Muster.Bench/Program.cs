using Muster.Bench;

// One line per benchmark, alphabetical.
IBenchmark[] benchmarks =
[
    new ClusterBenchmark(),
    new DependenciesBenchmark(),
    new EngineBenchmark(),
    new ImportsBenchmark(),
    new SecretsBenchmark(),
    new SecretsHistoryBenchmark(),
    new SecretsQualityBenchmark(),
    new StagedBenchmark(),
];

var name = args.FirstOrDefault();
var selected = benchmarks.FirstOrDefault(b => b.Name == name);
if (selected is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Muster.Bench -- <benchmark> [args]");
    foreach (var b in benchmarks) Console.Error.WriteLine($"  {b.Name,-20} {b.Description}");
    return 2;
}
await selected.RunAsync(args[1..]);
return 0;
