using System.Collections;

namespace Muster.SecretsCorpus;

/// <summary>Collection-initializer builder for one class's cases: <c>{ name, path, text }</c> or several files.</summary>
internal sealed class CaseList(string classId, Func<QualityCase, QualityCase>? defaults = null) : IEnumerable<QualityCase>
{
    private readonly List<QualityCase> _cases = [];

    public void Add(string name, string path, Func<CaseValues, string> text) => Add(name, (path, text));

    public void Add(string name, params (string Path, Func<CaseValues, string> Text)[] files)
    {
        var @case = new QualityCase(classId, name, files.Select(f => new CaseFile(f.Path, f.Text)).ToList());
        _cases.Add(defaults is null ? @case : defaults(@case));
    }

    /// <summary>A case with its own expectations (severity bounds, context), on top of the list's defaults.</summary>
    public void Add(string name, string path, Func<CaseValues, string> text, Func<QualityCase, QualityCase> adjust)
    {
        Add(name, path, text);
        _cases[^1] = adjust(_cases[^1]);
    }

    public IEnumerator<QualityCase> GetEnumerator() => _cases.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
