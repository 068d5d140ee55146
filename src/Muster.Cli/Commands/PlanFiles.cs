namespace Muster.Cli.Commands;

internal static class PlanFiles
{
    public static string Require(string path) =>
        File.Exists(path) ? Path.GetFullPath(path)
        : throw new UsageException($"plan file '{path}' not found; 'muster plan show > plan.yaml' writes the built-in plan to start from");
}
