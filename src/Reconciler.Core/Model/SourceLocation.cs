namespace Reconciler.Core.Model;

/// <summary>Where a manifest (or one of its fields) came from, so every message can name file, line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);
    public override string ToString() => $"{File}:{Line}:{Column}";
}
