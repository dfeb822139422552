namespace Reconciler.Git.Processes;

/// <summary>What to run. <paramref name="Environment"/> entries with a null value are removed from the inherited environment.</summary>
public sealed record ProcessRequest(
    string FileName,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    TimeSpan Timeout);

/// <summary>How it ended. <see cref="ExitCode"/> is -1 when the process was killed on timeout.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut = false)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
