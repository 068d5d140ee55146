using Muster.Agents.Dependencies.Osv;

namespace Muster.Agents.Dependencies;

/// <summary>Checks an <c>--osv-db</c> argument before a run starts, so an unusable database is an input error.</summary>
public static class OsvDatabaseCheck
{
    /// <summary>
    /// The run parameter a front end sets to the default cache folder when it holds a database and no osv-db was given;
    /// an explicit --osv-db or plan setting wins over it.
    /// </summary>
    public const string DefaultCacheParameter = "osv-db.default-cache";

    /// <summary>Null when at least one advisory can be read from <paramref name="path"/>; else why none can.</summary>
    public static string? WhyUnusable(string path) => OsvDatabase.WhyUnusable(path);
}
