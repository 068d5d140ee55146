using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>Adds the <c>context</c> (test, docs, example) and <c>checksum</c> properties a secret finding carries.</summary>
internal static class FindingContext
{
    public static Finding WithContext(this Finding finding, string? context, TokenCheck check)
    {
        if (context is null && check == TokenCheck.NotApplicable) return finding;
        var properties = new Dictionary<string, string>(finding.Properties);
        if (context is not null) properties["context"] = context;
        if (check != TokenCheck.NotApplicable) properties["checksum"] = check == TokenCheck.Verified ? "verified" : "failed";
        return finding with { Properties = properties };
    }
}
