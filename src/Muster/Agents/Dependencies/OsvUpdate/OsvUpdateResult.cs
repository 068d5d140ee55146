using Muster.Agents.Dependencies.Osv;

namespace Muster.Agents.Dependencies.OsvUpdate;

public enum OsvUpdateOutcome
{
    Updated,
    Unchanged,
    Failed,
}

/// <summary>One ecosystem's result: what happened, in one line, and the download record when there is one.</summary>
public sealed record OsvUpdateResult(string Ecosystem, OsvUpdateOutcome Outcome, string Message, OsvEcosystemDownload? Download)
{
    public override string ToString() => $"{Ecosystem}: {Message}";
}

/// <summary>Progress of the downloads, for a progress bar or log lines.</summary>
public interface IOsvUpdateProgress
{
    void Started(string ecosystem, Uri url);

    /// <summary>Bytes received so far; <paramref name="total"/> is the Content-Length when the server sent one.</summary>
    void Received(string ecosystem, long bytes, long? total);

    void Finished(OsvUpdateResult result);
}
