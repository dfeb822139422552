namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>What a tool printed and how it exited; <see cref="Output"/> is both streams, for assertion messages.</summary>
internal sealed record ToolResult(int Exit, string Stdout, string Stderr)
{
    public string Output => $"exit {Exit}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
