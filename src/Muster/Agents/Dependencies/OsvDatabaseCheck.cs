using Muster.Agents.Dependencies.Osv;

namespace Muster.Agents.Dependencies;

/// <summary>Checks an <c>--osv-db</c> argument before a run starts, so an unusable database is an input error.</summary>
public static class OsvDatabaseCheck
{
    /// <summary>Null when at least one advisory can be read from <paramref name="path"/>; else why none can.</summary>
    public static string? WhyUnusable(string path) => OsvDatabase.WhyUnusable(path);
}
