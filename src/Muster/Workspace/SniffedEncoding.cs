using System.Text;

namespace Muster.Workspace;

/// <summary>How to decode a file: the encoding, how many leading bytes are its byte-order mark, and its name.</summary>
public readonly record struct SniffedEncoding(Encoding Encoding, int PreambleBytes, string Name);
