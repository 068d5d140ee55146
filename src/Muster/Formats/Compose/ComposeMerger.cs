namespace Muster.Formats.Compose;

/// <summary>
/// Merges compose trees as <c>docker compose -f a -f b</c> and <c>extends</c> do: mappings merge key by key, the later
/// file wins for scalars; <c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c> are replaced; ports, volumes,
/// secrets and configs merge by their identity; environment, labels, depends_on and networks merge by name whatever
/// syntax (list or mapping) each file used; other lists are concatenated without duplicates.
/// </summary>
internal static class ComposeMerger
{
    private static readonly HashSet<string> ReplacedSequences = new(StringComparer.Ordinal)
    {
        "services.*.command", "services.*.entrypoint", "services.*.healthcheck.test",
    };

    private static readonly HashSet<string> ListOrMapKeys = new(StringComparer.Ordinal)
    {
        "environment", "labels", "depends_on", "networks", "sysctls", "annotations",
    };

    public static ComposeNode Merge(ComposeNode baseNode, ComposeNode overrideNode, string path)
    {
        if (overrideNode is ComposeScalar { IsNull: true }) return baseNode;
        if (baseNode is ComposeMapping bm && overrideNode is ComposeMapping om)
        {
            var entries = bm.Entries.ToList();
            foreach (var entry in om.Entries)
            {
                var index = entries.FindIndex(e => e.Key == entry.Key);
                if (index < 0)
                {
                    entries.Add(entry);
                    continue;
                }
                entries[index] = entry with { Value = Merge(entries[index].Value, entry.Value, Child(path, entry.Key)) };
            }
            return new ComposeMapping(bm.Position, entries);
        }
        if (baseNode is ComposeSequence bs && overrideNode is ComposeSequence os)
        {
            if (ReplacedSequences.Contains(path)) return os;
            return path switch
            {
                "services.*.ports" => UniqueBy(bs, os, n => ComposePortParser.Parse(n).MergeKey),
                "services.*.volumes" => UniqueBy(bs, os, VolumeTarget),
                "services.*.secrets" or "services.*.configs" => UniqueBy(bs, os, SourceName),
                _ => UniqueBy(bs, os, n => n is ComposeScalar s ? "s:" + s.Value : null),
            };
        }
        return overrideNode;
    }

    /// <summary>Rewrites list-form sections of a service (environment, labels, depends_on, networks, build) as mappings.</summary>
    public static ComposeMapping NormalizeService(ComposeMapping service)
    {
        var entries = new List<ComposeEntry>(service.Entries.Count);
        foreach (var entry in service.Entries)
        {
            var value = entry.Value;
            if (ListOrMapKeys.Contains(entry.Key) && value is ComposeSequence list)
            {
                value = entry.Key == "depends_on" ? DependsOnMapping(list) : KeyValueMapping(list);
            }
            else if (entry.Key == "build" && value is ComposeScalar { Value: { } context } scalar)
            {
                value = new ComposeMapping(scalar.Position, [new ComposeEntry("context", scalar.Position, scalar)]);
            }
            else if (entry.Key == "build" && value is ComposeMapping build && build["args"] is ComposeSequence args)
            {
                value = build with { Entries = build.Entries.Select(e => e.Key == "args" ? e with { Value = KeyValueMapping(args) } : e).ToList() };
            }
            entries.Add(entry with { Value = value });
        }
        return service with { Entries = entries };
    }

    private static ComposeMapping KeyValueMapping(ComposeSequence list)
    {
        var entries = new List<ComposeEntry>();
        foreach (var item in list.Items)
        {
            if (item is not ComposeScalar { Value: { } text } scalar)
            {
                throw new ComposeFormatException("list-item-invalid", "each list item must be \"KEY=VALUE\" or \"KEY\"",
                    "write the item as a single string", item.Position);
            }
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? text : text[..eq];
            var value = new ComposeScalar(scalar.Position, eq < 0 ? null : text[(eq + 1)..], false);
            entries.RemoveAll(e => e.Key == key);
            entries.Add(new ComposeEntry(key, scalar.Position, value));
        }
        return new ComposeMapping(list.Position, entries);
    }

    private static ComposeMapping DependsOnMapping(ComposeSequence list)
    {
        var entries = new List<ComposeEntry>();
        foreach (var item in list.Items)
        {
            if (item is not ComposeScalar { Value: { } name } scalar)
            {
                throw new ComposeFormatException("depends-on-invalid", "depends_on list items must be service names",
                    "write service names, or use the mapping form with 'condition:'", item.Position);
            }
            var condition = new ComposeMapping(scalar.Position,
                [new ComposeEntry("condition", scalar.Position, new ComposeScalar(scalar.Position, "service_started", false))]);
            entries.Add(new ComposeEntry(name, scalar.Position, condition));
        }
        return new ComposeMapping(list.Position, entries);
    }

    private static ComposeSequence UniqueBy(ComposeSequence baseList, ComposeSequence overrideList, Func<ComposeNode, string?> key)
    {
        var items = baseList.Items.ToList();
        foreach (var item in overrideList.Items)
        {
            var k = key(item);
            var index = k is null ? -1 : items.FindIndex(i => key(i) == k);
            if (index >= 0) items[index] = item;
            else items.Add(item);
        }
        return new ComposeSequence(baseList.Position, items);
    }

    internal static string? VolumeTarget(ComposeNode node) => node switch
    {
        ComposeScalar { Value: { } text } => text.Split(':') is var parts && parts.Length >= 2 ? parts[1] : parts[0],
        ComposeMapping m => (m["target"] as ComposeScalar)?.Value,
        _ => null,
    };

    private static string? SourceName(ComposeNode node) => node switch
    {
        ComposeScalar { Value: { } text } => text,
        ComposeMapping m => (m["source"] as ComposeScalar)?.Value,
        _ => null,
    };

    private static string Child(string path, string key) => path switch
    {
        "services" => "services.*",
        "" => key,
        _ => path + "." + key,
    };
}
