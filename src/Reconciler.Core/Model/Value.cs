namespace Reconciler.Core.Model;

/// <summary>
/// A string the manifest gives either literally or as a reference to an SSM parameter
/// (<c>image: {ssm: /app/prod/image}</c>). References are resolved before Diff; Diff only sees literals.
/// </summary>
public abstract record Value
{
    private Value() { }

    public sealed record Literal(string Text) : Value
    {
        public override string ToString() => Text;
    }

    /// <summary>A String/StringList parameter read at apply time. A SecureString is refused here (it may only feed <c>secrets</c>).</summary>
    public sealed record Ssm(string Path) : Value
    {
        public override string ToString() => $"{{ssm: {Path}}}";
    }

    public static Value Of(string text) => new Literal(text);

    /// <summary>The literal text; throws when a reference was not resolved first (a programming error, not user input).</summary>
    public string Resolved => this is Literal l ? l.Text : throw new InvalidOperationException($"unresolved value {this}");
}
