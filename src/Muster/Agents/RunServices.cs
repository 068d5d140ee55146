using System.Collections.Concurrent;

namespace Muster.Agents;

/// <summary>
/// Objects shared by every agent of one run (a token budget, a container-engine connection), created on first use.
/// Thread-safe: agents of a wave run concurrently.
/// </summary>
public sealed class RunServices
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _services = new();

    public T GetOrAdd<T>(Func<T> create) where T : class =>
        (T)_services.GetOrAdd(typeof(T), _ => new Lazy<object>(() => create())).Value;

    public void Set<T>(T instance) where T : class => _services[typeof(T)] = new Lazy<object>(instance);

    public bool TryGet<T>(out T? instance) where T : class
    {
        instance = _services.TryGetValue(typeof(T), out var lazy) ? (T)lazy.Value : null;
        return instance is not null;
    }
}
