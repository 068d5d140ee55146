namespace Muster.Agents.Imports.JavaScript;

/// <summary>A module reference: <see cref="Kind"/> is import, side-effect, export-from, require or dynamic-import.</summary>
internal sealed record JsImport(string Specifier, string Kind, bool TypeOnly, int Line, int Column);
