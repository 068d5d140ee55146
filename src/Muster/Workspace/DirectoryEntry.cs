using System.IO.Enumeration;

namespace Muster.Workspace;

internal enum DirectoryEntryKind
{
    File,
    Directory,
    Link,
}

/// <summary>One entry of a folder listing; <see cref="Length"/> is -1 when the file's size could not be read.</summary>
internal readonly record struct DirectoryEntry(string Name, DirectoryEntryKind Kind, long Length)
{
    public static DirectoryEntry From(ref FileSystemEntry entry)
    {
        var name = entry.FileName.ToString();
        // A link's own attributes say ReparsePoint; IsDirectory would look through it to the target.
        if ((entry.Attributes & FileAttributes.ReparsePoint) != 0) return new DirectoryEntry(name, DirectoryEntryKind.Link, 0);
        if (entry.IsDirectory) return new DirectoryEntry(name, DirectoryEntryKind.Directory, 0);
        long length;
        try
        {
            length = entry.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            length = -1;
        }
        return new DirectoryEntry(name, DirectoryEntryKind.File, length);
    }
}
