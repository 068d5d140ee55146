namespace Muster.Model;

/// <summary>Something an agent produced for people or later waves: a summary table, an inventory, a file it wrote.</summary>
public sealed record Artifact(string Name, string MediaType, string Content)
{
    public int SizeBytes => System.Text.Encoding.UTF8.GetByteCount(Content);
}
