namespace Reconciler.Core.Sources;

/// <summary>
/// A file of a snapshot the source would not hand over (a symbolic link leaving the repository, a manifest that is not
/// UTF-8). It is missing from <see cref="SourceSnapshot.Directory"/>; readers treat it as a broken file, so the
/// resources it declared keep their last good version instead of vanishing.
/// </summary>
/// <param name="Path">Relative to <see cref="SourceSnapshot.Directory"/>, with '/' separators.</param>
/// <param name="Reason">What is wrong and the fix, without the file's content.</param>
public sealed record RefusedFile(string Path, string Reason);
