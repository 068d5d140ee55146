using Muster.Agents.Dependencies.OsvUpdate;

namespace Muster.Cli.Progress;

/// <summary>Download progress as lines for logs and CI: the start, then each quarter when the size is known.</summary>
internal sealed class DownloadLines(TextWriter error) : IOsvUpdateProgress
{
    private int _quarter;

    public void Started(string ecosystem, Uri url)
    {
        _quarter = 0;
        error.WriteLine($"{ecosystem}: downloading {url}");
    }

    public void Received(string ecosystem, long bytes, long? total)
    {
        if (total is not > 0) return;
        var quarter = (int)(bytes * 4 / total.Value);
        if (quarter <= _quarter || quarter >= 4) return;
        _quarter = quarter;
        error.WriteLine($"{ecosystem}: {quarter * 25}% ({OsvUpdater.Size(bytes)} of {OsvUpdater.Size(total.Value)})");
    }

    /// <summary>The result line goes to stdout with the others.</summary>
    public void Finished(OsvUpdateResult result) { }
}
